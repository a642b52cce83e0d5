package be.bolwerk.findings.intake;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks one row or result goes through, collecting every problem of it rather than stopping at the first. */
final class RowCheck {

    /** Titles, ids, addresses, references to a control. */
    static final int SHORT = 300;
    /** An affected system (a URL, a path in a repository). */
    static final int SYSTEM = 1000;
    /** Descriptions, recommendations, impacts. */
    static final int LONG = 20_000;

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CWE = Pattern.compile("(?i)(?:CWE-)?(\\d{1,6})");

    /** Severity words of the generic format, of SARIF-minded tools, and in Dutch. */
    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL),
            Map.entry("kritiek", Severity.CRITICAL),
            Map.entry("high", Severity.HIGH),
            Map.entry("hoog", Severity.HIGH),
            Map.entry("medium", Severity.MEDIUM),
            Map.entry("moderate", Severity.MEDIUM),
            Map.entry("gemiddeld", Severity.MEDIUM),
            Map.entry("low", Severity.LOW),
            Map.entry("laag", Severity.LOW),
            Map.entry("info", Severity.INFORMATIONAL),
            Map.entry("informational", Severity.INFORMATIONAL),
            Map.entry("informatief", Severity.INFORMATIONAL),
            Map.entry("none", Severity.INFORMATIONAL));

    final int line;
    private final List<RowError> errors = new ArrayList<>();

    RowCheck(int line) {
        this.line = line;
    }

    void error(String field, String messageKey, Object... arguments) {
        errors.add(RowError.of(line, field, messageKey, arguments));
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    List<RowError> errors() {
        return errors;
    }

    /** {@code value} stripped, null when blank; an error when longer than {@code max}. */
    String text(String field, String value, int max) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            error(field, "findings.intake.row.tooLong", max);
            return null;
        }
        return text;
    }

    /** A severity word, any case; null (and an error) when unknown, null without one when absent. */
    Severity severity(String field, String value) {
        String text = text(field, value, SHORT);
        if (text == null) {
            return null;
        }
        Severity severity = SEVERITIES.get(text.toLowerCase(Locale.ROOT));
        if (severity == null) {
            error(field, "findings.intake.row.severityUnknown", shorten(text));
        }
        return severity;
    }

    /** A CVSS vector of the column's family (3.x or 4.0); an error with the validator's reason when wrong. */
    CvssVector cvss(String field, String value, boolean versionThree) {
        String text = text(field, value, SHORT);
        if (text == null) {
            return null;
        }
        try {
            CvssVector vector = CvssVector.parse(text);
            if (vector.version().isThree() != versionThree) {
                error(field, "findings.intake.row.cvssColumn", vector.version().prefix());
                return null;
            }
            return vector;
        } catch (Refusal wrong) {
            errors.add(new RowError(
                    line,
                    field,
                    wrong.messageKey(),
                    java.util.Arrays.stream(wrong.arguments())
                            .map(String::valueOf)
                            .toList()));
            return null;
        }
    }

    /** A CWE number ("79" or "CWE-79"); 0 means none, as the generic format writes it. */
    Integer cwe(String field, String value) {
        String text = text(field, value, SHORT);
        if (text == null) {
            return null;
        }
        var matcher = CWE.matcher(text);
        if (!matcher.matches()) {
            error(field, "findings.intake.row.cwe", shorten(text));
            return null;
        }
        int number = Integer.parseInt(matcher.group(1));
        return number == 0 ? null : number;
    }

    /** An e-mail address, lower-cased; an error when it does not look like one. */
    String address(String field, String value) {
        String text = text(field, value, SHORT);
        if (text == null) {
            return null;
        }
        if (!ADDRESS.matcher(text).matches()) {
            error(field, "findings.intake.row.owner", shorten(text));
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** At most 80 characters of what the file said, for a message. */
    static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
