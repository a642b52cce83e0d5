package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/** Triage found that it is not an incident (a false alarm, a test); the reason says why. */
public record IncidentDismissed(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID actorId,
        String actorName,
        Instant at,
        IncidentStatus from,
        String reason)
        implements IncidentEvent {}
