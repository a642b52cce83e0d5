package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.ReportChannel;
import java.time.Instant;
import java.util.UUID;

/**
 * An incident was reported (by the organisation's form, the API, or a CRT analyst taking a call), with the answers
 * that decide who must hear of it at once: whether it is still going on, whether it is ransomware, whether personal
 * data may be involved. Raised once per incident: a repeated submission of the same form raises nothing.
 */
public record IncidentReported(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        ReportChannel channel,
        UUID reportedBy,
        String reporterName,
        Instant reportedAt,
        Instant noticedAt,
        boolean ongoing,
        boolean ransomware,
        boolean personalDataPossible)
        implements IncidentEvent {}
