package be.bolwerk.incident.timeline;

import be.bolwerk.shared.Refusal;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kinds of indicator of compromise, each with the check of its value. A value is stored as {@link #normalise}
 * returns it (lower case where case means nothing), so one indicator is there once. A value that does not fit its
 * type is refused with {@code incident.indicator.invalid.<TYPE>}, a sentence that shows what a good one looks like.
 */
public enum IndicatorType {
    IPV4,
    IPV6,
    DOMAIN,
    URL,
    SHA256,
    EMAIL,
    OTHER;

    public static final int MAX_VALUE = 2000;
    static final String REQUIRED = "incident.indicator.rule.valueRequired";
    static final String TOO_LONG = "incident.indicator.rule.valueTooLong";

    private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp");

    public static IndicatorType parse(String name) {
        return Arrays.stream(values())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The value checked for this type and written the one way it is stored; refused when it is not one. */
    public String normalise(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw Refusal.invalid(REQUIRED);
        }
        if (value.length() > MAX_VALUE) {
            throw Refusal.invalid(TOO_LONG, MAX_VALUE);
        }
        String checked = switch (this) {
            case IPV4 -> ipv4(value);
            case IPV6 -> ipv6(value.toLowerCase(Locale.ROOT));
            case DOMAIN -> domain(value.toLowerCase(Locale.ROOT));
            case URL -> url(value);
            case SHA256 ->
                HEX64.matcher(value.toLowerCase(Locale.ROOT)).matches() ? value.toLowerCase(Locale.ROOT) : null;
            case EMAIL -> email(value);
            case OTHER -> value;
        };
        if (checked == null) {
            throw Refusal.invalid("incident.indicator.invalid." + name());
        }
        return checked;
    }

    /** Four numbers of 0 to 255, optionally a network with a prefix of 0 to 32 (what a firewall takes). */
    private static String ipv4(String value) {
        String[] network = value.split("/", -1);
        if (network.length > 2 || (network.length == 2 && !prefix(network[1], 32))) {
            return null;
        }
        String[] octets = network[0].split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        for (String octet : octets) {
            if (!OCTET.matcher(octet).matches()) {
                return null;
            }
        }
        return value;
    }

    /**
     * Only hexadecimal digits, colons and dots, starting with a digit or a colon, reach {@link InetAddress}: such a
     * literal with a colon in it is parsed and never looked up in DNS. Stored in lower case as typed (an IPv4-mapped address included).
     */
    private static String ipv6(String value) {
        String[] network = value.split("/", -1);
        if (network.length > 2 || (network.length == 2 && !prefix(network[1], 128))) {
            return null;
        }
        if (!network[0].contains(":")
                || network[0].startsWith(".")
                || !IPV6_CHARS.matcher(network[0]).matches()) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(network[0]);
            return address instanceof Inet6Address || network[0].contains(".") ? value : null;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static boolean prefix(String text, int max) {
        if (!text.matches("\\d{1,3}")) {
            return false;
        }
        return Integer.parseInt(text) <= max;
    }

    /** Labels of letters, digits and hyphens, at least two of them, the last a real top-level domain. */
    static String domain(String value) {
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        if (name.length() > 253) {
            return null;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2 || !TOP.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return name;
    }

    /** An http(s) or ftp address with a host, kept as typed (a path may be case-sensitive). */
    private static String url(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null
                    || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                return null;
            }
            return value;
        } catch (URISyntaxException notAnAddress) {
            return null;
        }
    }

    private static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0 || !LOCAL_PART.matcher(value.substring(0, at)).matches()) {
            return null;
        }
        String domain = domain(value.substring(at + 1).toLowerCase(Locale.ROOT));
        return domain == null ? null : value.substring(0, at) + "@" + domain;
    }
}
