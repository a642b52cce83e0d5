package be.bolwerk.incident.review;

import be.bolwerk.incident.IncidentSeverity;
import java.time.Instant;
import java.util.UUID;

/**
 * One lesson learned from an incident, and whether it went into the organisation's improvement plan. Public
 * because the lessons page reads it (ADR 0028 addendum).
 */
public record Lesson(
        UUID id,
        String title,
        String detail,
        IncidentSeverity priority,
        String creatorName,
        Instant createdAt,
        String adopterName,
        Instant adoptedAt) {

    public boolean adopted() {
        return adoptedAt != null;
    }
}
