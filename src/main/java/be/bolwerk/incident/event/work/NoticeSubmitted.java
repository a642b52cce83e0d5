package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drafted notification was submitted: its text is frozen with this SHA-256 and these fields (names of the fact
 * base's fields, never their values: those may name people).
 */
public record NoticeSubmitted(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID noticeId,
        String recipient,
        UUID obligationId,
        String sha256,
        List<String> fields,
        UUID by,
        Instant submittedAt) {}
