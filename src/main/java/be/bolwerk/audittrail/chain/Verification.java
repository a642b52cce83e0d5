package be.bolwerk.audittrail.chain;

import java.io.Serializable;

/**
 * The outcome of walking the chain.
 *
 * @param checked how many rows, from the first, were found intact
 * @param brokenAt the position of the first row that fails, or {@code null} when the chain is intact
 *     <p>Serializable because the page hands it over as a flash attribute, which lives in the JDBC session.
 */
public record Verification(boolean intact, long checked, Long brokenAt, Problem problem) implements Serializable {

    /** Why a row fails verification. */
    public enum Problem {
        /** The row's content no longer matches its HMAC. */
        EDITED,
        /** A row is missing at this position (deleted, or removed from the end). */
        MISSING,
        /** The row does not link to the row before it. */
        REORDERED,
        /**
         * The newest rows were cut off: the head's seal does not match, or the chain no longer reaches a
         * checkpoint taken earlier, or differs there.
         */
        TRUNCATED
    }

    static Verification intact(long checked) {
        return new Verification(true, checked, null, null);
    }

    static Verification broken(long checked, long brokenAt, Problem problem) {
        return new Verification(false, checked, brokenAt, problem);
    }
}
