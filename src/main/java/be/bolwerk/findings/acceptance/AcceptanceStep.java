package be.bolwerk.findings.acceptance;

import java.time.Instant;
import java.util.UUID;

/** One line of an acceptance's history: which step, by whom, when, with the reason where there is one. */
public record AcceptanceStep(Kind kind, UUID actor, String actorName, Instant at, String note) {

    /** Labels: {@code findings.acceptance.step.*}. */
    public enum Kind {
        PROPOSED,
        APPROVED,
        REJECTED,
        ACTIVATED,
        EXPIRED,
        REVOKED
    }
}
