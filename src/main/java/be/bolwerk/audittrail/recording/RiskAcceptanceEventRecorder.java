package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.findings.event.group.RiskAcceptanceEvent;
import be.bolwerk.findings.event.group.RiskAcceptanceMaximumSet;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every step of a risk acceptance under its organisation (ADR 0030): the proposal with its decision and
 * expiry, the approval and activation (by whom: the four eyes are on the record), the rejection and revocation with
 * their reason, the expiry; and the maximum durations the programme sets. An acceptance is named by its title.
 */
@Component
class RiskAcceptanceEventRecorder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final int REASON = 500;

    private final AuditTrail trail;

    RiskAcceptanceEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(RiskAcceptanceEvent.Proposed e) {
        append(
                AuditEventType.RISK_ACCEPTANCE_PROPOSED,
                e,
                "audit.detail.riskAcceptanceProposed",
                e.title(),
                Details.term("findings.acceptance.decision." + e.decision()),
                e.findings(),
                DAY.format(e.expiresOn()));
    }

    @EventListener
    void on(RiskAcceptanceEvent.Approved e) {
        append(AuditEventType.RISK_ACCEPTANCE_APPROVED, e, "audit.detail.riskAcceptance", e.title());
    }

    @EventListener
    void on(RiskAcceptanceEvent.Activated e) {
        append(
                AuditEventType.RISK_ACCEPTANCE_ACTIVATED,
                e,
                "audit.detail.riskAcceptanceUntil",
                e.title(),
                DAY.format(e.expiresOn()));
    }

    @EventListener
    void on(RiskAcceptanceEvent.Rejected e) {
        append(
                AuditEventType.RISK_ACCEPTANCE_REJECTED,
                e,
                "audit.detail.riskAcceptanceReason",
                e.title(),
                cut(e.reason()));
    }

    @EventListener
    void on(RiskAcceptanceEvent.Expired e) {
        append(
                AuditEventType.RISK_ACCEPTANCE_EXPIRED,
                e,
                "audit.detail.riskAcceptanceUntil",
                e.title(),
                DAY.format(e.expiresOn()));
    }

    @EventListener
    void on(RiskAcceptanceEvent.Revoked e) {
        append(
                AuditEventType.RISK_ACCEPTANCE_REVOKED,
                e,
                "audit.detail.riskAcceptanceReason",
                e.title(),
                cut(e.reason()));
    }

    @EventListener
    void on(RiskAcceptanceMaximumSet e) {
        trail.append(
                AuditEventType.RISK_ACCEPTANCE_MAXIMUM_SET,
                true,
                Actors.current(),
                null,
                Details.of(
                        "audit.detail.riskAcceptanceMaximum",
                        "%d/%d/%d/%d/%d".formatted(e.critical(), e.high(), e.medium(), e.low(), e.informational())));
    }

    private void append(AuditEventType type, RiskAcceptanceEvent event, String key, Object... args) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("riskAcceptance", event.acceptanceId().value());
        trail.append(type, true, Actors.current(), event.organisationId(), Details.about(ids, key, args));
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON ? text : text.substring(0, REASON) + "…";
    }
}
