package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.shared.ImportRefused;
import be.bolwerk.shared.UploadRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records refused uploads and imports (ASVS 16.3.3): a file of the wrong type, too large or malformed may be
 * someone probing the checks. Each in a transaction of its own, since the refusal rolls back the attempt.
 */
@Component
class RefusedFileRecorder {

    private final AuditTrail trail;

    RefusedFileRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    /** An upload over the size limit is refused before sign-in is looked at: then only the address is known. */
    @EventListener
    void on(UploadRefused event) {
        AuditTrail.Actor current = Actors.current();
        // No "system" here: an unknown sender is not the system.
        String name = current.id() == null ? null : current.name();
        trail.appendAlone(
                AuditEventType.UPLOAD_REFUSED,
                false,
                new AuditTrail.Actor(current.id(), name, event.clientAddress()),
                event.organisationId(),
                event.path() + " " + event.reason() + (event.fileName() == null ? "" : " file " + event.fileName()));
    }

    /** Imports may end in the background: the person who started one is named by the event. */
    @EventListener
    void on(ImportRefused event) {
        AuditTrail.Actor current = Actors.current();
        AuditTrail.Actor actor = current.id() == null && event.by() != null
                ? new AuditTrail.Actor(event.by(), null, current.clientAddress())
                : current;
        trail.appendAlone(
                AuditEventType.IMPORT_REFUSED,
                false,
                actor,
                event.organisationId(),
                event.what() + " " + event.reason() + (event.fileName() == null ? "" : " file " + event.fileName()));
    }
}
