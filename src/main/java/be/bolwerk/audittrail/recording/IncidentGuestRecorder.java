package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.event.work.IncidentGuestEvent;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records who let an outside firm into an incident and when that ended (ADR 0043), under the incident's
 * organisation: the invitation, its acceptance (the guest's account is the actor) and the revocation. Named by the
 * grant and the firm; the guest's address is not in the trail. Expiry is no event: the grant's end is in the
 * invitation's record.
 */
@Component
class IncidentGuestRecorder {

    private final AuditTrail trail;

    IncidentGuestRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IncidentGuestEvent.GuestInvited e) {
        append(AuditEventType.INCIDENT_GUEST_INVITED, e);
    }

    @EventListener
    void on(IncidentGuestEvent.GuestAccepted e) {
        append(AuditEventType.INCIDENT_GUEST_ACCEPTED, e);
    }

    @EventListener
    void on(IncidentGuestEvent.GuestRevoked e) {
        append(AuditEventType.INCIDENT_GUEST_REVOKED, e);
    }

    private void append(AuditEventType type, IncidentGuestEvent e) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incidentGuest", e.grantId());
        ids.put("incident", e.incidentId().value());
        trail.append(
                type,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(ids, "audit.detail.incidentGuest", e.firm()));
    }
}
