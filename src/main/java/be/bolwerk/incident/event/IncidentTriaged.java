package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.Tlp;
import java.time.Instant;
import java.util.UUID;

/** The CRT triaged a reported incident: how bad it is, what kind, who leads the response and how far what is learned may be shared. */
public record IncidentTriaged(
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
        Tlp tlp)
        implements IncidentEvent {}
