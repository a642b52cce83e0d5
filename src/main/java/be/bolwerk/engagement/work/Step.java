package be.bolwerk.engagement.work;

import java.time.Instant;
import java.util.UUID;

/** One line of an engagement's history: which step, by whom, when, with an optional note. */
public record Step(Kind kind, UUID actor, String actorName, Instant at, String note) {

    /** The steps the history shows; labels live in the bundles as {@code engagement.step.*}. */
    public enum Kind {
        REQUESTED,
        SCOPE_CHANGED,
        SIGNATURE_VOIDED,
        SIGNED,
        STUDENTS_ASSIGNED,
        STARTED,
        FINDING_SUBMITTED,
        FINDING_SENT_BACK,
        FINDING_ACCEPTED,
        REPORTED,
        CLOSED,
        STOPPED,
        DELETION_DATE_SET,
        EVIDENCE_DELETED
    }
}
