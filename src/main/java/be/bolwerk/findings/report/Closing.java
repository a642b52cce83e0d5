package be.bolwerk.findings.report;

/**
 * What counts as closed for the reports, in SQL (ADR 0031): a fix verified by a retest, a duplicate, a false
 * positive or out of scope. A resolved finding is still open here (nobody checked the fix yet), and a reopened one
 * is open again. The closing moment is the last closing step of its history; closed within the SLA means on or
 * before its due date (a finding without a due date is always within).
 */
final class Closing {

    /** The statuses of a closed finding. */
    static final String STATUSES = "('FIX_VERIFIED', 'DUPLICATE', 'FALSE_POSITIVE', 'OUT_OF_SCOPE')";

    /** The history steps that close a finding (the same names as the statuses). */
    static final String STEPS = STATUSES;

    /** The moment each finding of the filter's organisations was last closed: joined as {@code c}. */
    static String closedAt(String historyFilter) {
        return "(SELECT h.finding_id, MAX(h.at) AS closed_at FROM finding_history h WHERE h.step IN " + STEPS
                + historyFilter + " GROUP BY h.finding_id)";
    }

    /** 1 when the finding {@code f} closed at {@code c.closed_at} on or before its due date. */
    static final String WITHIN =
            "CASE WHEN f.due_date IS NULL OR CAST(c.closed_at AS DATE) <= f.due_date THEN 1 ELSE 0 END";

    /** Whole days from the finding's arrival in the register to its closing. */
    static final String DAYS =
            "CAST(FLOOR((EXTRACT(EPOCH FROM c.closed_at) - EXTRACT(EPOCH FROM f.created_at)) / 86400)" + " AS INTEGER)";

    private Closing() {}
}
