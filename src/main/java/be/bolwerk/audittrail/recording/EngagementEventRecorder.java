package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.engagement.EngagementClosed;
import be.bolwerk.engagement.EngagementEvent;
import be.bolwerk.engagement.EngagementEvidenceDeleted;
import be.bolwerk.engagement.EngagementFindingAccepted;
import be.bolwerk.engagement.EngagementFindingSentBack;
import be.bolwerk.engagement.EngagementFindingSubmitted;
import be.bolwerk.engagement.EngagementReported;
import be.bolwerk.engagement.EngagementRequested;
import be.bolwerk.engagement.EngagementScopeChanged;
import be.bolwerk.engagement.EngagementStarted;
import be.bolwerk.engagement.EngagementStoppedForCompromise;
import be.bolwerk.engagement.EngagementStudentsAssigned;
import be.bolwerk.engagement.EvidenceDeletionDateSet;
import be.bolwerk.engagement.RulesOfEngagementSigned;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every step of an ethical-hacking engagement under the organisation it concerns: the request, each
 * change of scope (and whether it voided a signature), the signature with its hash and client address, the
 * college's steps and reviews, the stop for a compromise, and the deletion of evidence with the number of files.
 * A finding's title is named, never its description: the trail is read by people who may not see finding details.
 */
@Component
class EngagementEventRecorder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final AuditTrail trail;

    EngagementEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(EngagementRequested e) {
        append(AuditEventType.ENGAGEMENT_REQUESTED, e, "audit.detail.engagementRequested", e.title(), e.college());
    }

    @EventListener
    void on(EngagementScopeChanged e) {
        append(
                AuditEventType.ENGAGEMENT_SCOPE_CHANGED,
                e,
                e.signatureVoided() ? "audit.detail.engagementSignatureVoided" : "audit.detail.engagementScopeChanged");
    }

    @EventListener
    void on(RulesOfEngagementSigned e) {
        append(
                AuditEventType.ENGAGEMENT_SIGNED,
                e,
                "audit.detail.engagementSigned",
                e.signerName(),
                e.clientAddress(),
                e.sha256());
    }

    @EventListener
    void on(EngagementStudentsAssigned e) {
        append(
                AuditEventType.ENGAGEMENT_STUDENTS_ASSIGNED,
                e,
                "audit.detail.engagementStudentsAssigned",
                String.join(", ", e.students()));
    }

    @EventListener
    void on(EngagementStarted e) {
        append(AuditEventType.ENGAGEMENT_STARTED, e, "audit.detail.engagementStarted");
    }

    @EventListener
    void on(EngagementFindingSubmitted e) {
        appendAbout(
                e.findingId(),
                AuditEventType.ENGAGEMENT_FINDING_SUBMITTED,
                e,
                "audit.detail.engagementFinding",
                e.title());
    }

    @EventListener
    void on(EngagementFindingSentBack e) {
        appendAbout(
                e.findingId(),
                AuditEventType.ENGAGEMENT_FINDING_SENT_BACK,
                e,
                "audit.detail.engagementFindingSentBack",
                e.title(),
                e.remark());
    }

    @EventListener
    void on(EngagementFindingAccepted e) {
        appendAbout(
                e.findingId(),
                AuditEventType.ENGAGEMENT_FINDING_ACCEPTED,
                e,
                "audit.detail.engagementFinding",
                e.title());
    }

    @EventListener
    void on(EngagementReported e) {
        append(
                AuditEventType.ENGAGEMENT_REPORTED,
                e,
                "audit.detail.engagementReported",
                String.valueOf(e.acceptedFindings()));
    }

    @EventListener
    void on(EngagementClosed e) {
        append(AuditEventType.ENGAGEMENT_CLOSED, e, "audit.detail.engagementClosed", DAY.format(e.evidenceDeleteOn()));
    }

    @EventListener
    void on(EngagementStoppedForCompromise e) {
        append(
                AuditEventType.ENGAGEMENT_STOPPED,
                e,
                "audit.detail.engagementStopped",
                e.stoppedByName(),
                e.description());
    }

    @EventListener
    void on(EvidenceDeletionDateSet e) {
        append(
                AuditEventType.ENGAGEMENT_DELETION_DATE_SET,
                e,
                "audit.detail.engagementDeletionDate",
                DAY.format(e.deleteOn()));
    }

    @EventListener
    void on(EngagementEvidenceDeleted e) {
        append(
                AuditEventType.ENGAGEMENT_EVIDENCE_DELETED,
                e,
                "audit.detail.engagementEvidenceDeleted",
                String.valueOf(e.files()));
    }

    private void appendAbout(
            java.util.UUID finding, AuditEventType type, EngagementEvent event, String key, Object... args) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("engagement", event.engagementId().value());
        ids.put("finding", finding);
        trail.append(type, true, Actors.current(), event.organisationId(), Details.about(ids, key, args));
    }

    private void append(AuditEventType type, EngagementEvent event, String key, Object... args) {
        Map<String, Object> ids = Map.of("engagement", event.engagementId().value());
        trail.append(type, true, Actors.current(), event.organisationId(), Details.about(ids, key, args));
    }
}
