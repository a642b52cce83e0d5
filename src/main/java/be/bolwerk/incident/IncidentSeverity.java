package be.bolwerk.incident;

/**
 * How bad it is, set at triage; the definitions people choose by are in messages ({@code incident.severity.*.definition})
 * and shown on the triage form. Declared from worst to least, so the natural order sorts the worst first.
 */
public enum IncidentSeverity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
