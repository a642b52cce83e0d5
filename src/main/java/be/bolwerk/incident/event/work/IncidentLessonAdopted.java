package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import java.util.UUID;

/**
 * A lesson learned from an incident was taken into the organisation's improvement plan: the findings register
 * turns it into a finding (once per lesson id, however often this is delivered). Raised once per lesson.
 */
public record IncidentLessonAdopted(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID lessonId,
        String title,
        String detail,
        IncidentSeverity priority,
        UUID adoptedBy,
        String adopterName) {}
