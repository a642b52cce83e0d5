package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/** The response goes on from where it stood before the hold. */
public record IncidentResumed(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        IncidentStatus to)
        implements IncidentEvent {}
