package be.bolwerk.audit;

/**
 * Where an order is: requested → approved → scheduled → in progress → reported → completed, or on hold (and back
 * to where it was), wait-listed (a supplementary audit waiting for credit), refused or cancelled. Labels live in
 * messages ({@code auditOrder.status.*}).
 */
public enum AuditStatus {
    REQUESTED,
    WAIT_LISTED,
    APPROVED,
    SCHEDULED,
    IN_PROGRESS,
    REPORTED,
    COMPLETED,
    ON_HOLD,
    REFUSED,
    CANCELLED;

    /** No step leads out of it. */
    public boolean isFinal() {
        return this == COMPLETED || this == REFUSED || this == CANCELLED;
    }
}
