package be.bolwerk.findings;

/** How bad a finding is; decides its due date under the SLA profile. Ordered from the worst down. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFORMATIONAL
}
