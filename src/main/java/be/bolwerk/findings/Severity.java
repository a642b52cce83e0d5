package be.bolwerk.findings;

/** How serious a finding is, most serious first; the SLA profile gives each its days. Labels: {@code finding.severity.*}. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFORMATIONAL;

    /** A severity as another module writes it (audit, engagement, improvement-action priority); medium when unknown. */
    public static Severity fromText(String text) {
        if (text == null) {
            return MEDIUM;
        }
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(text.strip())) {
                return severity;
            }
        }
        return MEDIUM;
    }
}
