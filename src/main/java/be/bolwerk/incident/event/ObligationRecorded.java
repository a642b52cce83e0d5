package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/**
 * An obligation to a regulator (or to the people affected) was recorded: submitted in time, submitted late (with
 * the reason for the delay), declared not applicable (with the reason), or added by hand (a voluntary
 * notification, a supplement). {@code kind}, {@code recipient} and {@code state} are the names of the obligation
 * module's enums, so that readers of this event need not depend on it.
 */
public record ObligationRecorded(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID obligationId,
        String kind,
        String recipient,
        String state,
        String reason,
        UUID recordedBy,
        Instant recordedAt)
        implements IncidentEvent {}
