package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.framework.FrameworkImported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records new framework versions. Imports run in the background, so the event names the person. */
@Component
class FrameworkEventRecorder {

    private final AuditTrail trail;

    FrameworkEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(FrameworkImported event) {
        trail.append(
                AuditEventType.FRAMEWORK_IMPORTED,
                true,
                new AuditTrail.Actor(event.importedBy(), null, null),
                null,
                event.source() + " " + event.code() + " " + event.version() + " " + event.id());
    }
}
