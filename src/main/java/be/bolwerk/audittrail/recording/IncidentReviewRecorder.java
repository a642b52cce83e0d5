package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.work.IncidentLessonAdopted;
import be.bolwerk.incident.event.work.IncidentLessonRecorded;
import be.bolwerk.incident.event.work.IncidentReviewed;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the CRT learned from an incident, under the incident's organisation (ADR 0040): that the root cause
 * was written (not its text, which may describe a weakness in detail), each lesson by its title, and who took a
 * lesson into the improvement plan. An incident is named by its reference.
 */
@Component
class IncidentReviewRecorder {

    private final AuditTrail trail;

    IncidentReviewRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IncidentReviewed e) {
        append(
                AuditEventType.INCIDENT_ROOT_CAUSE_RECORDED,
                e.incidentId(),
                null,
                e.organisationId(),
                "audit.detail.incidentRootCause",
                e.reference());
    }

    @EventListener
    void on(IncidentLessonRecorded e) {
        append(
                AuditEventType.INCIDENT_LESSON_RECORDED,
                e.incidentId(),
                e.lessonId(),
                e.organisationId(),
                "audit.detail.incidentLesson",
                e.reference(),
                e.title());
    }

    @EventListener
    void on(IncidentLessonAdopted e) {
        append(
                AuditEventType.INCIDENT_LESSON_ADOPTED,
                e.incidentId(),
                e.lessonId(),
                e.organisationId(),
                "audit.detail.incidentLesson",
                e.reference(),
                e.title());
    }

    private void append(
            AuditEventType type, IncidentId incident, UUID lesson, UUID organisation, String key, Object... args) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incident", incident.value());
        if (lesson != null) {
            ids.put("lesson", lesson);
        }
        trail.append(type, true, Actors.current(), organisation, Details.about(ids, key, args));
    }
}
