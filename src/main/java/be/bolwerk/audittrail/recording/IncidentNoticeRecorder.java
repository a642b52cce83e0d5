package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.event.work.NoticeDrafted;
import be.bolwerk.incident.event.work.NoticeSubmitted;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the notification drafts of incidents under their organisation (ADR 0042): a draft made for a recipient,
 * and a submission with the SHA-256 of the exact text that went out and the names of its fields (never their
 * values: those may name people; the text itself stays in the draft).
 */
@Component
class IncidentNoticeRecorder {

    private final AuditTrail trail;

    IncidentNoticeRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(NoticeDrafted e) {
        trail.append(
                AuditEventType.INCIDENT_NOTICE_DRAFTED,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(
                        ids(e.incidentId().value(), e.noticeId(), e.obligationId()),
                        "audit.detail.incidentNoticeDrafted",
                        e.reference(),
                        Details.term("incident.notice.recipient." + e.recipient())));
    }

    @EventListener
    void on(NoticeSubmitted e) {
        trail.append(
                AuditEventType.INCIDENT_NOTICE_SUBMITTED,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(
                        ids(e.incidentId().value(), e.noticeId(), e.obligationId()),
                        "audit.detail.incidentNoticeSubmitted",
                        e.reference(),
                        Details.term("incident.notice.recipient." + e.recipient()),
                        e.sha256(),
                        String.join(", ", e.fields())));
    }

    private static Map<String, Object> ids(Object incident, Object notice, Object obligation) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incident", incident);
        ids.put("notice", notice);
        if (obligation != null) {
            ids.put("obligation", obligation);
        }
        return ids;
    }
}
