package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.shared.ImportRefused;
import be.bolwerk.shared.UploadRefused;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records refused uploads and imports (ASVS 16.3.3): a file of the wrong type, too large or malformed may be
 * someone probing the checks. Each in a transaction of its own, since the refusal rolls back the attempt.
 */
@Component
class RefusedFileRecorder {

    /** The start of {@link ImportRefused#what()} → the detail key and the name of the id that follows it. */
    private static final Map<String, String> IMPORTS = Map.of(
            "workbook assessment ", "audit.detail.workbookRefused assessment",
            "framework import ", "audit.detail.frameworkImportRefused import");

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
                event.fileName() == null
                        ? Details.of(
                                "audit.detail.uploadRefused",
                                event.path(),
                                reason(event.reason(), event.reasonArguments()))
                        : Details.of(
                                "audit.detail.fileRefused",
                                event.path(),
                                reason(event.reason(), event.reasonArguments()),
                                event.fileName()));
    }

    /** Imports may end in the background: the person who started one is named by the event. */
    @EventListener
    void on(ImportRefused event) {
        AuditTrail.Actor current = Actors.current();
        AuditTrail.Actor actor = current.id() == null && event.by() != null
                ? new AuditTrail.Actor(event.by(), null, current.clientAddress())
                : current;
        trail.appendAlone(AuditEventType.IMPORT_REFUSED, false, actor, event.organisationId(), importRefused(event));
    }

    /**
     * What was being imported is told in the event as text ("workbook assessment ID", "framework import ID");
     * the recorder turns the two it knows into a sentence with the id beside it, anything else is kept as told.
     */
    private static String importRefused(ImportRefused event) {
        String file = event.fileName() == null ? "" : event.fileName();
        for (Map.Entry<String, String> known : IMPORTS.entrySet()) {
            if (event.what().startsWith(known.getKey())) {
                String[] kind = known.getValue().split(" ");
                return Details.about(
                        Map.of(kind[1], event.what().substring(known.getKey().length())),
                        kind[0],
                        file,
                        reason(event.reason(), event.reasonArguments()));
            }
        }
        return Details.of(
                "audit.detail.importRefused", event.what(), file, reason(event.reason(), event.reasonArguments()));
    }

    /**
     * A refusal's message key with what was filled into it (a size limit), in the reader's language; the size
     * filter's plain "too large" has its own key.
     */
    private static Object reason(String reason, List<Object> arguments) {
        if (reason == null) {
            return "";
        }
        if (reason.equals("too large")) {
            return Details.term("audit.reason.tooLarge", reason);
        }
        return reason.contains(" ") ? reason : Details.term(reason, reason, arguments);
    }
}
