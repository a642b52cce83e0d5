package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/** A closed incident, or one found not to be one, is reopened: it came back, or it was one after all. */
public record IncidentReopened(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        IncidentStatus from,
        String reason)
        implements IncidentEvent {}
