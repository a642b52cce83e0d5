package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/**
 * A notification to a recipient (AUTHORITY, CSIRT or INSURER) was drafted from the incident's facts; the obligation
 * it answers is null for the insurer.
 */
public record NoticeDrafted(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID noticeId,
        String recipient,
        UUID obligationId,
        UUID by) {}
