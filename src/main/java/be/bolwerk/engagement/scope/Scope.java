package be.bolwerk.engagement.scope;

import be.bolwerk.shared.Refusal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the testers may touch, when, from where and how, whom to call to stop, and who else consented. Every
 * list is kept as the organisation typed it (one entry a line, blanks trimmed), checked on the way in: an IP
 * range is an address or CIDR, a domain a host name, a time window a day with a start and a later end, a stop
 * contact a name with a phone number. {@link #parse} refuses the first wrong line with a key that names the field
 * ({@code engagement.scope.<field>}), so the page can show the sentence beside it.
 */
public record Scope(
        List<String> ipRanges,
        List<String> domains,
        List<String> applications,
        List<String> timeWindows,
        List<String> excluded,
        List<String> sourceAddresses,
        Set<Technique> techniques,
        List<String> stopContacts,
        String credentialsHandover,
        List<Consent> consents) {

    public static final int MAX_LINES = 50;
    public static final int MAX_LINE = 200;
    public static final int MAX_TEXT = 2000;

    /** Day, start and end of a window: {@code 07-12-2026 08:00-17:00}. */
    private static final Pattern WINDOW =
            Pattern.compile("(\\d{2}-\\d{2}-\\d{4})\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /** A phone number: digits with the usual separators, an optional leading +, 8 to 15 digits. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.-]{6,24}");

    public Scope {
        ipRanges = List.copyOf(ipRanges);
        domains = List.copyOf(domains);
        applications = List.copyOf(applications);
        timeWindows = List.copyOf(timeWindows);
        excluded = List.copyOf(excluded);
        sourceAddresses = List.copyOf(sourceAddresses);
        techniques = techniques.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(techniques));
        stopContacts = List.copyOf(stopContacts);
        credentialsHandover = credentialsHandover == null ? "" : credentialsHandover;
        consents = List.copyOf(consents);
    }

    /**
     * The scope from the texts of the form, checked; consents are kept from the current scope (they are attached
     * one by one, not typed).
     */
    public static Scope parse(
            String ipRanges,
            String domains,
            String applications,
            String timeWindows,
            String excluded,
            String sourceAddresses,
            Set<Technique> techniques,
            String stopContacts,
            String credentialsHandover,
            List<Consent> consents) {
        List<String> ips = lines("ipRanges", ipRanges);
        for (String ip : ips) {
            if (!Addresses.isAddressOrRange(ip)) {
                throw Refusal.invalid("engagement.scope.ipRanges", ip);
            }
        }
        List<String> names = lines("domains", domains).stream()
                .map(d -> d.toLowerCase(Locale.ROOT))
                .toList();
        for (String name : names) {
            if (!Addresses.isDomain(name)) {
                throw Refusal.invalid("engagement.scope.domains", name);
            }
        }
        List<String> apps = lines("applications", applications);
        if (ips.isEmpty() && names.isEmpty() && apps.isEmpty()) {
            throw Refusal.invalid("engagement.scope.ipRanges.noTarget");
        }
        List<String> windows =
                lines("timeWindows", timeWindows).stream().map(Scope::window).toList();
        if (windows.isEmpty()) {
            throw Refusal.invalid("engagement.scope.timeWindows.required");
        }
        List<String> sources = lines("sourceAddresses", sourceAddresses);
        if (sources.isEmpty()) {
            throw Refusal.invalid("engagement.scope.sourceAddresses.required");
        }
        for (String source : sources) {
            if (!Addresses.isAddressOrRange(source)) {
                throw Refusal.invalid("engagement.scope.sourceAddresses", source);
            }
        }
        List<String> contacts =
                lines("stopContacts", stopContacts).stream().map(Scope::contact).toList();
        if (contacts.isEmpty()) {
            throw Refusal.invalid("engagement.scope.stopContacts.required");
        }
        String handover = clean(credentialsHandover == null ? "" : credentialsHandover.strip());
        if (handover.isEmpty()) {
            throw Refusal.invalid("engagement.scope.credentialsHandover.required");
        }
        if (handover.length() > MAX_TEXT) {
            throw Refusal.invalid("engagement.scope.credentialsHandover.length", MAX_TEXT);
        }
        return new Scope(
                ips,
                names,
                apps,
                windows,
                lines("excluded", excluded),
                sources,
                techniques == null ? Set.of() : techniques,
                contacts,
                handover,
                consents);
    }

    /** The same scope with other consents. */
    public Scope withConsents(List<Consent> attached) {
        return new Scope(
                ipRanges,
                domains,
                applications,
                timeWindows,
                excluded,
                sourceAddresses,
                techniques,
                stopContacts,
                credentialsHandover,
                attached);
    }

    public boolean allows(Technique technique) {
        return techniques.contains(technique);
    }

    /** The entries of a text field, one a line, trimmed, without empty lines; each within the limits. */
    static List<String> lines(String field, String text) {
        if (text == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String entry = clean(line.strip());
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.length() > MAX_LINE) {
                throw Refusal.invalid("engagement.scope." + field + ".lineLength", MAX_LINE);
            }
            result.add(entry);
        }
        if (result.size() > MAX_LINES) {
            throw Refusal.invalid("engagement.scope." + field + ".tooMany", MAX_LINES);
        }
        return result;
    }

    /**
     * One Unicode form and no tabs: two texts that look the same hash the same. Without it, a name typed on one
     * keyboard and pasted from another could void a signature nobody saw change.
     */
    private static String clean(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace('\t', ' ');
    }

    /** A window in one written form: {@code 07-12-2026 08:00-17:00}. */
    private static String window(String line) {
        Matcher m = WINDOW.matcher(line);
        if (!m.matches()) {
            throw Refusal.invalid("engagement.scope.timeWindows", line);
        }
        try {
            LocalDate day = LocalDate.parse(m.group(1), DAY);
            LocalTime from = LocalTime.parse(m.group(2), TIME);
            LocalTime to = LocalTime.parse(m.group(3), TIME);
            if (!to.isAfter(from)) {
                throw Refusal.invalid("engagement.scope.timeWindows.order", line);
            }
            return DAY.format(day) + " " + TIME.format(from) + "-" + TIME.format(to);
        } catch (DateTimeParseException notADate) {
            throw Refusal.invalid("engagement.scope.timeWindows", line);
        }
    }

    /** A contact in one written form: {@code Name; +32 50 12 34 56}. */
    private static String contact(String line) {
        String[] parts = line.split(";", 2);
        if (parts.length != 2 || parts[0].isBlank()) {
            throw Refusal.invalid("engagement.scope.stopContacts", line);
        }
        String phone = parts[1].strip();
        long digits = phone.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(phone).matches() || digits < 8 || digits > 15) {
            throw Refusal.invalid("engagement.scope.stopContacts", line);
        }
        return parts[0].strip() + "; " + phone;
    }

    /** The form's text of a list: one entry a line. */
    public static String text(List<String> entries) {
        return String.join("\n", entries);
    }

    /** Techniques from their names, ignoring unknown ones (a form can send anything). */
    public static Set<Technique> techniques(List<String> names) {
        Set<Technique> result = EnumSet.noneOf(Technique.class);
        if (names != null) {
            for (String name : names) {
                Arrays.stream(Technique.values())
                        .filter(t -> t.name().equals(name))
                        .forEach(result::add);
            }
        }
        return result;
    }
}
