package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** The cause is removed from the organisation's systems. */
public record IncidentEradicated(
        IncidentId incidentId, UUID organisationId, String reference, UUID actorId, String actorName, Instant at)
        implements IncidentEvent {}
