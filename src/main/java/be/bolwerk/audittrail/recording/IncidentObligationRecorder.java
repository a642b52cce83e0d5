package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.event.IncidentFactsChanged;
import be.bolwerk.incident.event.ObligationRecorded;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the regulator obligations of incidents under their organisation (ADR 0039): which facts that start the
 * legal clocks changed (by name; the values are in the incident's own history), and each obligation recorded
 * (submitted, late, not applicable, added by hand) with its recipient. Reasons are not copied: they may name people.
 */
@Component
class IncidentObligationRecorder {

    private final AuditTrail trail;

    IncidentObligationRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IncidentFactsChanged e) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incident", e.incidentId().value());
        trail.append(
                AuditEventType.INCIDENT_FACTS_CHANGED,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(ids, "audit.detail.incidentFactsChanged", e.reference(), String.join(", ", e.facts())));
    }

    @EventListener
    void on(ObligationRecorded e) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incident", e.incidentId().value());
        ids.put("obligation", e.obligationId());
        trail.append(
                AuditEventType.INCIDENT_OBLIGATION_RECORDED,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(
                        ids,
                        "audit.detail.incidentObligationRecorded",
                        e.reference(),
                        Details.term("incident.obligation.kind." + e.kind()),
                        Details.term("incident.obligation.recipient." + e.recipient()),
                        Details.term("incident.obligation.state." + e.state())));
    }
}
