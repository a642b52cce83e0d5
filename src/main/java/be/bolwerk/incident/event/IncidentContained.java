package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** The damage stopped spreading: the affected systems are isolated. */
public record IncidentContained(
        IncidentId incidentId, UUID organisationId, String reference, UUID actorId, String actorName, Instant at)
        implements IncidentEvent {}
