package be.bolwerk.findings.register;

import java.time.Instant;
import java.util.UUID;

/** One line of a finding's history: which step, by whom, when, with the reason or note where there is one. */
public record Step(Kind kind, UUID actor, String actorName, Instant at, String note) {

    /** The steps the history shows; labels live in the bundles as {@code finding.step.*}. */
    public enum Kind {
        RAISED,
        OWNER_ASSIGNED,
        CHANGED,
        CONFIRMED,
        WORK_STARTED,
        RESOLVED,
        RETESTED,
        FIX_VERIFIED,
        REOPENED,
        DUPLICATE,
        FALSE_POSITIVE,
        OUT_OF_SCOPE,
        SLA_RESTARTED,
        // Bulk actions
        DUE_DATE_MOVED,
        // Imports (ADR 0029)
        SEEN_AGAIN,
        // Risk acceptance
        RISK_ACCEPTED,
        RISK_ACCEPTANCE_ENDED
    }
}
