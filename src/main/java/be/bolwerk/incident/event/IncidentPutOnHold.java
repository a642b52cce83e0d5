package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/** The response waits (on the organisation, a supplier, the police); the reason says on what. */
public record IncidentPutOnHold(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        IncidentStatus from,
        String reason)
        implements IncidentEvent {}
