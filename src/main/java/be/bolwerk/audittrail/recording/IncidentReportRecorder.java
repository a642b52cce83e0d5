package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.event.IncidentReported;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every incident report under its organisation, synchronously, so that no incident exists without its audit
 * row. Named by its reference and channel, never by what happened (TLP:AMBER text stays in the incident); the actor
 * is the person signed in, which for a phone report is the CRT analyst who took the call.
 */
@Component
class IncidentReportRecorder {

    private final AuditTrail trail;

    IncidentReportRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IncidentReported e) {
        trail.append(
                AuditEventType.INCIDENT_REPORTED,
                true,
                Actors.current(),
                e.organisationId(),
                Details.about(
                        Map.of("incident", e.incidentId().value()),
                        "audit.detail.incidentReported",
                        e.reference(),
                        Details.term("incident.channel." + e.channel())));
    }
}
