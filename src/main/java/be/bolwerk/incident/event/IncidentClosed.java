package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** The response is over, with what came of it and what it cost the organisation. */
public record IncidentClosed(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        String outcome,
        String impact)
        implements IncidentEvent {}
