package be.bolwerk.incident.event;

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
