package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.framework.FrameworkDeleted;
import be.bolwerk.framework.FrameworkImported;
import be.bolwerk.framework.FrameworkPublished;
import be.bolwerk.framework.FrameworkRetired;
import be.bolwerk.framework.FrameworkVersionId;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a framework version's life: imported (by whom, from which file, in which format), published, retired
 * or deleted as a draft. Imports run in the background, so the event names the person.
 */
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
                Details.about(
                        Map.of("framework", event.id().value()),
                        "audit.detail.frameworkImported",
                        event.code(),
                        event.version(),
                        event.fileName(),
                        Details.term(
                                "framework.source." + event.source(),
                                event.source().name())));
    }

    @EventListener
    void on(FrameworkPublished event) {
        record(
                AuditEventType.FRAMEWORK_PUBLISHED,
                "audit.detail.frameworkPublished",
                event.by(),
                event.code(),
                event.version(),
                event.id());
    }

    @EventListener
    void on(FrameworkRetired event) {
        record(
                AuditEventType.FRAMEWORK_RETIRED,
                "audit.detail.frameworkRetired",
                event.by(),
                event.code(),
                event.version(),
                event.id());
    }

    @EventListener
    void on(FrameworkDeleted event) {
        record(
                AuditEventType.FRAMEWORK_DELETED,
                "audit.detail.frameworkDeleted",
                event.by(),
                event.code(),
                event.version(),
                event.id());
    }

    private void record(AuditEventType type, String key, UUID by, String code, String version, FrameworkVersionId id) {
        trail.append(
                type,
                true,
                new AuditTrail.Actor(by, null, null),
                null,
                Details.about(Map.of("framework", id.value()), key, code, version));
    }
}
