package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.findings.event.FindingChanged;
import be.bolwerk.findings.event.FindingConfirmed;
import be.bolwerk.findings.event.FindingDueDateMoved;
import be.bolwerk.findings.event.FindingEvent;
import be.bolwerk.findings.event.FindingFixVerified;
import be.bolwerk.findings.event.FindingMarkedDuplicate;
import be.bolwerk.findings.event.FindingMarkedFalsePositive;
import be.bolwerk.findings.event.FindingMarkedOutOfScope;
import be.bolwerk.findings.event.FindingOwnerAssigned;
import be.bolwerk.findings.event.FindingRaised;
import be.bolwerk.findings.event.FindingReopened;
import be.bolwerk.findings.event.FindingResolved;
import be.bolwerk.findings.event.FindingRetested;
import be.bolwerk.findings.event.FindingRiskAccepted;
import be.bolwerk.findings.event.FindingSeenAgain;
import be.bolwerk.findings.event.FindingWorkStarted;
import be.bolwerk.findings.event.group.FindingsExported;
import be.bolwerk.findings.event.group.FindingsImported;
import be.bolwerk.findings.event.group.SlaProfileSet;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every step of a finding of the register under its organisation: its arrival (and from which source), the
 * owner, changes, each transition with its reason, retests with their result, and the SLA profiles set by the
 * programme and tightened by organisations. A finding is named by its title, never its description.
 */
@Component
class FindingEventRecorder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final int REASON = 500;

    private final AuditTrail trail;

    FindingEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(FindingRaised e) {
        append(
                AuditEventType.FINDING_RAISED,
                e,
                "audit.detail.findingRaised",
                e.title(),
                Details.term("finding.source." + e.source()));
    }

    @EventListener
    void on(FindingOwnerAssigned e) {
        append(AuditEventType.FINDING_OWNER_ASSIGNED, e, "audit.detail.findingOwner", e.title(), e.ownerName());
    }

    @EventListener
    void on(FindingChanged e) {
        append(AuditEventType.FINDING_CHANGED, e, "audit.detail.finding", e.title());
    }

    @EventListener
    void on(FindingConfirmed e) {
        append(AuditEventType.FINDING_CONFIRMED, e, "audit.detail.finding", e.title());
    }

    @EventListener
    void on(FindingWorkStarted e) {
        append(AuditEventType.FINDING_WORK_STARTED, e, "audit.detail.finding", e.title());
    }

    @EventListener
    void on(FindingResolved e) {
        append(AuditEventType.FINDING_RESOLVED, e, "audit.detail.finding", e.title());
    }

    @EventListener
    void on(FindingRetested e) {
        append(
                AuditEventType.FINDING_RETESTED,
                e,
                "audit.detail.findingRetested",
                e.title(),
                DAY.format(e.testedOn()),
                e.tester(),
                Details.term("finding.retest." + e.result()));
    }

    @EventListener
    void on(FindingFixVerified e) {
        append(AuditEventType.FINDING_FIX_VERIFIED, e, "audit.detail.finding", e.title());
    }

    @EventListener
    void on(FindingReopened e) {
        append(AuditEventType.FINDING_REOPENED, e, "audit.detail.findingReason", e.title(), cut(e.reason()));
    }

    @EventListener
    void on(FindingMarkedDuplicate e) {
        append(AuditEventType.FINDING_CLOSED, e, "audit.detail.findingDuplicate", e.title());
    }

    @EventListener
    void on(FindingMarkedFalsePositive e) {
        append(AuditEventType.FINDING_CLOSED, e, "audit.detail.findingFalsePositive", e.title(), cut(e.reason()));
    }

    @EventListener
    void on(FindingMarkedOutOfScope e) {
        append(AuditEventType.FINDING_CLOSED, e, "audit.detail.findingOutOfScope", e.title(), cut(e.reason()));
    }

    @EventListener
    void on(SlaProfileSet e) {
        String days = "%s/%s/%s/%s/%s"
                .formatted(
                        dash(e.critical()), dash(e.high()), dash(e.medium()), dash(e.low()), dash(e.informational()));
        trail.append(
                AuditEventType.FINDING_SLA_SET,
                true,
                Actors.current(),
                e.organisationId(),
                Details.of(
                        e.organisationId() == null
                                ? "audit.detail.findingSlaProgramme"
                                : "audit.detail.findingSlaOrganisation",
                        days));
    }

    // Findings reports
    @EventListener
    void on(FindingDueDateMoved e) {
        append(
                AuditEventType.FINDING_DUE_DATE_MOVED,
                e,
                "audit.detail.findingDueDateMoved",
                e.title(),
                e.from() == null ? "-" : DAY.format(e.from()),
                DAY.format(e.to()),
                cut(e.reason()));
    }

    @EventListener
    void on(FindingsExported e) {
        trail.append(
                AuditEventType.EXPORT,
                true,
                Actors.current(),
                e.organisationId(),
                Details.of("audit.detail.findingsExported", e.what(), e.rows()));
    }

    // Risk acceptance
    @EventListener
    void on(FindingRiskAccepted e) {
        append(AuditEventType.FINDING_RISK_ACCEPTED, e, "audit.detail.findingRiskAccepted", e.title(), e.acceptance());
    }

    private void append(AuditEventType type, FindingEvent event, String key, Object... args) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("finding", event.findingId().value());
        trail.append(type, true, Actors.current(), event.organisationId(), Details.about(ids, key, args));
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON ? text : text.substring(0, REASON) + "…";
    }

    private static String dash(Integer days) {
        return days == null ? "-" : days.toString();
    }

    // Findings imports (ADR 0029)

    @EventListener
    void on(FindingsImported e) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("import", e.importId());
        trail.append(
                AuditEventType.FINDINGS_IMPORTED,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(
                        ids, "audit.detail.findingsImported", e.fileName(), e.format(), e.created(), e.updated()));
    }

    @EventListener
    void on(FindingSeenAgain e) {
        append(AuditEventType.FINDING_SEEN_AGAIN, e, "audit.detail.findingSeenAgain", e.title(), e.fileName());
    }
}
