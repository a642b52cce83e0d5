package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.IncidentClosed;
import be.bolwerk.incident.event.IncidentContained;
import be.bolwerk.incident.event.IncidentDismissed;
import be.bolwerk.incident.event.IncidentEradicated;
import be.bolwerk.incident.event.IncidentMerged;
import be.bolwerk.incident.event.IncidentPutOnHold;
import be.bolwerk.incident.event.IncidentReclassified;
import be.bolwerk.incident.event.IncidentRecovered;
import be.bolwerk.incident.event.IncidentReopened;
import be.bolwerk.incident.event.IncidentResumed;
import be.bolwerk.incident.event.IncidentTriaged;
import be.bolwerk.incident.event.work.IncidentTaskDone;
import be.bolwerk.incident.event.work.IncidentTaskReopened;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the CRT's handling of an incident under the incident's organisation: triage and reclassification with the
 * classification chosen, each status step with its reason, and the playbook tasks ticked. An incident is named by
 * its reference; what happened, the outcome and the impact stay out of the trail (they may hold personal data).
 */
@Component
class IncidentHandlingRecorder {

    private static final int REASON = 500;

    private final AuditTrail trail;

    IncidentHandlingRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IncidentTriaged e) {
        append(
                AuditEventType.INCIDENT_TRIAGED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentClassified",
                e.reference(),
                Details.term("incident.severity." + e.severity()),
                Details.term("incident.category." + e.category()),
                e.leadAnalystName(),
                e.tlp().label());
    }

    @EventListener
    void on(IncidentReclassified e) {
        append(
                AuditEventType.INCIDENT_RECLASSIFIED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentClassified",
                e.reference(),
                Details.term("incident.severity." + e.severity()),
                Details.term("incident.category." + e.category()),
                e.leadAnalystName(),
                e.tlp().label());
    }

    @EventListener
    void on(IncidentContained e) {
        step(e.incidentId(), e.organisationId(), e.reference(), "CONTAINED");
    }

    @EventListener
    void on(IncidentEradicated e) {
        step(e.incidentId(), e.organisationId(), e.reference(), "ERADICATED");
    }

    @EventListener
    void on(IncidentRecovered e) {
        step(e.incidentId(), e.organisationId(), e.reference(), "RECOVERED");
    }

    @EventListener
    void on(IncidentResumed e) {
        step(e.incidentId(), e.organisationId(), e.reference(), e.to().name());
    }

    @EventListener
    void on(IncidentClosed e) {
        append(
                AuditEventType.INCIDENT_CLOSED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incident",
                e.reference());
    }

    @EventListener
    void on(IncidentDismissed e) {
        append(
                AuditEventType.INCIDENT_DISMISSED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentReason",
                e.reference(),
                cut(e.reason()));
    }

    @EventListener
    void on(IncidentMerged e) {
        append(
                AuditEventType.INCIDENT_MERGED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentMerged",
                e.reference(),
                e.mergedIntoReference());
    }

    @EventListener
    void on(IncidentPutOnHold e) {
        append(
                AuditEventType.INCIDENT_PUT_ON_HOLD,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentReason",
                e.reference(),
                cut(e.reason()));
    }

    @EventListener
    void on(IncidentReopened e) {
        append(
                AuditEventType.INCIDENT_REOPENED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentReason",
                e.reference(),
                cut(e.reason()));
    }

    @EventListener
    void on(IncidentTaskDone e) {
        append(
                AuditEventType.INCIDENT_TASK_DONE,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentTask",
                e.reference(),
                e.title());
    }

    @EventListener
    void on(IncidentTaskReopened e) {
        append(
                AuditEventType.INCIDENT_TASK_REOPENED,
                e.incidentId(),
                e.organisationId(),
                "audit.detail.incidentTask",
                e.reference(),
                e.title());
    }

    private void step(IncidentId id, UUID organisationId, String reference, String status) {
        append(
                AuditEventType.INCIDENT_STEP_TAKEN,
                id,
                organisationId,
                "audit.detail.incidentStep",
                reference,
                Details.term("incident.status." + status));
    }

    private void append(AuditEventType type, IncidentId id, UUID organisationId, String key, Object... args) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incident", id.value());
        trail.append(type, true, Actors.current(), organisationId, Details.about(ids, key, args));
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON ? text : text.substring(0, REASON) + "…";
    }
}
