package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.funding.Money;
import be.bolwerk.incident.event.work.EmergencySupportEvent;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every step of an emergency-support request under the organisation that asked (ADR 0041): the request
 * with its amount, the CRT's advice, the programme's decision, the payment or the cancelled approval, each with who
 * took it. The money
 * itself is recorded by the funding recorder (commitment, settlement); a request is named by its reference.
 */
@Component
class IncidentSupportRecorder {

    private final AuditTrail trail;

    IncidentSupportRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(EmergencySupportEvent.Requested e) {
        append(AuditEventType.EMERGENCY_SUPPORT_REQUESTED, e, "audit.detail.supportAmount", Money.euro(e.amount()));
    }

    @EventListener
    void on(EmergencySupportEvent.Recommended e) {
        append(AuditEventType.EMERGENCY_SUPPORT_RECOMMENDED, e, "audit.detail.supportAmount", Money.euro(e.amount()));
    }

    @EventListener
    void on(EmergencySupportEvent.AdvisedAgainst e) {
        append(AuditEventType.EMERGENCY_SUPPORT_ADVISED_AGAINST, e, "audit.detail.support");
    }

    @EventListener
    void on(EmergencySupportEvent.Approved e) {
        append(AuditEventType.EMERGENCY_SUPPORT_APPROVED, e, "audit.detail.supportAmount", Money.euro(e.amount()));
    }

    @EventListener
    void on(EmergencySupportEvent.Rejected e) {
        append(AuditEventType.EMERGENCY_SUPPORT_REJECTED, e, "audit.detail.support");
    }

    @EventListener
    void on(EmergencySupportEvent.Paid e) {
        append(AuditEventType.EMERGENCY_SUPPORT_PAID, e, "audit.detail.supportAmount", Money.euro(e.programme()));
    }

    @EventListener
    void on(EmergencySupportEvent.Cancelled e) {
        append(AuditEventType.EMERGENCY_SUPPORT_CANCELLED, e, "audit.detail.supportAmount", Money.euro(e.released()));
    }

    @EventListener
    void on(EmergencySupportEvent.Withdrawn e) {
        append(AuditEventType.EMERGENCY_SUPPORT_WITHDRAWN, e, "audit.detail.support");
    }

    private void append(AuditEventType type, EmergencySupportEvent e, String key, Object... more) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("emergencySupport", e.supportId());
        ids.put("incident", e.incidentId().value());
        Object[] args = new Object[more.length + 1];
        args[0] = e.reference();
        System.arraycopy(more, 0, args, 1, more.length);
        trail.append(type, true, Actors.current(), e.organisationId(), Details.about(ids, key, args));
    }
}
