package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** The organisation's services run again. */
public record IncidentRecovered(
        IncidentId incidentId, UUID organisationId, String reference, UUID actorId, String actorName, Instant at)
        implements IncidentEvent {}
