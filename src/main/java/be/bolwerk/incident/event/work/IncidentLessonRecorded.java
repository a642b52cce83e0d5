package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/** The CRT wrote down a lesson learned from an incident. */
public record IncidentLessonRecorded(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID lessonId,
        String title,
        UUID by,
        String byName) {}
