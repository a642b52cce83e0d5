package be.bolwerk.engagement.scope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The one canonical text of an engagement's rules: what the signatory reads on the page and what is hashed.
 * Dutch, fixed headings in a fixed order, one entry a line prefixed "- ", "- (geen)" for an empty list, lines
 * separated by a single LF and the text ending with one, encoded as UTF-8. It names the engagement, the
 * organisation, the college and the title too, so a signature cannot be carried over to another engagement.
 * Changing this rendering voids every signature: the version line says which rendering a text follows.
 */
public final class ScopeText {

    public static final String VERSION = "Bolwerk regels van de opdracht ethisch hacken, versie 1";

    private ScopeText() {}

    public static String render(UUID engagementId, String organisation, String college, String title, Scope scope) {
        StringBuilder text = new StringBuilder();
        line(text, VERSION);
        line(text, "Opdracht: " + engagementId);
        line(text, "Organisatie: " + organisation);
        line(text, "Hogeschool: " + college);
        line(text, "Titel: " + title);
        list(text, "IP-bereiken", scope.ipRanges());
        list(text, "Domeinen", scope.domains());
        list(text, "Toepassingen", scope.applications());
        list(text, "Tijdvensters", scope.timeWindows());
        list(text, "Uitgesloten systemen", scope.excluded());
        list(text, "Bronadressen van de testers", scope.sourceAddresses());
        list(
                text,
                "Toegelaten technieken",
                Arrays.stream(Technique.values())
                        .filter(scope::allows)
                        .map(Technique::canonicalLabel)
                        .toList());
        list(
                text,
                "Niet toegelaten technieken",
                Arrays.stream(Technique.values())
                        .filter(t -> !scope.allows(t))
                        .map(Technique::canonicalLabel)
                        .toList());
        list(text, "Stopcontacten", scope.stopContacts());
        list(
                text,
                "Overdracht van inloggegevens",
                scope.credentialsHandover().lines().toList());
        list(
                text,
                "Toestemmingen van derden",
                scope.consents().stream()
                        .map(c -> c.party() + " (" + c.kind().canonicalLabel() + "): " + c.fileName() + ", SHA-256 "
                                + c.sha256())
                        .toList());
        return text.toString();
    }

    /** Lower-case hexadecimal SHA-256 of the UTF-8 bytes. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private static void list(StringBuilder text, String heading, List<String> entries) {
        line(text, heading + ":");
        if (entries.isEmpty()) {
            line(text, "- (geen)");
        }
        entries.forEach(entry -> line(text, "- " + entry.strip()));
    }

    private static void line(StringBuilder text, String line) {
        text.append(line.replace("\r", "").replace("\n", " ")).append('\n');
    }
}
