package be.bolwerk.incident.obligation;

/**
 * Where an obligation stands. PENDING until recorded; then SUBMITTED (in time), LATE (after its due moment, with
 * the reason for the delay) or NOT_APPLICABLE (with the reason). An overdue PENDING obligation stays PENDING: it is
 * shown as overdue, and becomes LATE when it is finally sent.
 */
public enum ObligationState {
    NOT_APPLICABLE,
    PENDING,
    SUBMITTED,
    LATE
}
