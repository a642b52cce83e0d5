package be.bolwerk.findings.report;

/**
 * What counts as closed for the reports, in SQL (ADR 0031): a fix verified by a retest, a duplicate, a false
 * positive or out of scope. A resolved finding is still open here (nobody checked the fix yet), and a reopened one
 * is open again. The closing moment is the finding's {@code closed_at} (ADR 0033): the moment of its last closing
 * step, set while it is closed and cleared when it is reopened, so {@code f.closed_at IS NOT NULL} selects the
 * closed findings without reading the history. Closed within the SLA means on or before its due date (a finding
 * without a due date is always within).
 */
final class Closing {

    /** The statuses of a closed finding. */
    static final String STATUSES = "('FIX_VERIFIED', 'DUPLICATE', 'FALSE_POSITIVE', 'OUT_OF_SCOPE')";

    /** The history steps that close a finding (the same names as the statuses). */
    static final String STEPS = STATUSES;

    /** The finding {@code f} is closed. */
    static final String CLOSED = "f.closed_at IS NOT NULL";

    /** 1 when the finding {@code f} closed on or before its due date. */
    static final String WITHIN =
            "CASE WHEN f.due_date IS NULL OR CAST(f.closed_at AS DATE) <= f.due_date THEN 1 ELSE 0 END";

    /** Whole days from the finding's arrival in the register to its closing. */
    static final String DAYS =
            "CAST(FLOOR((EXTRACT(EPOCH FROM f.closed_at) - EXTRACT(EPOCH FROM f.created_at)) / 86400)" + " AS INTEGER)";

    private Closing() {}
}
