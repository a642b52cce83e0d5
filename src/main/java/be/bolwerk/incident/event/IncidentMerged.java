package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** The incident is the same as another one of its organisation and is handled there from now on. */
public record IncidentMerged(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        IncidentId mergedInto,
        String mergedIntoReference,
        String reason)
        implements IncidentEvent {}
