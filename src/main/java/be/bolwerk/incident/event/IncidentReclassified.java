package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.Tlp;
import java.time.Instant;
import java.util.UUID;

/** The CRT changed severity, category, lead analyst or TLP label of an open incident; the status stays where it was. */
public record IncidentReclassified(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        IncidentSeverity severity,
        IncidentCategory category,
        UUID leadAnalystId,
        String leadAnalystName,
        Tlp tlp,
        IncidentCategory previousCategory,
        UUID previousLeadAnalystId)
        implements IncidentEvent {}
