package be.bolwerk.audit.ordering;

/** How serious a finding is. Labels live in messages ({@code auditOrder.severity.*}). */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
