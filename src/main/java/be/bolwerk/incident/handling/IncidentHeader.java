package be.bolwerk.incident.handling;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.Tlp;

/**
 * What every page of one incident shows at its top (template {@code incident/parts :: header}): reference,
 * organisation, status, severity, category and TLP label, and which of the incident's pages the reader may open.
 * Public because templates read it (ADR 0028 addendum).
 */
public record IncidentHeader(
        IncidentId id,
        String reference,
        String organisationName,
        IncidentStatus status,
        IncidentSeverity severity,
        IncidentCategory category,
        Tlp tlp,
        boolean ransomware,
        Access access) {

    public static IncidentHeader of(Incident incident, String organisationName, Access access) {
        return new IncidentHeader(
                incident.id(),
                incident.reference(),
                organisationName,
                incident.status(),
                incident.severity(),
                incident.category(),
                incident.tlp(),
                incident.report().ransomware(),
                access);
    }

    /** The TLP label as written, e.g. TLP:AMBER+STRICT. */
    public String tlpLabel() {
        return tlp.label();
    }
}
