package be.bolwerk.funding.ledger;

/** Where a commitment is: reserving credit, paid from its invoice, or released when its order was cancelled. */
public enum CommitmentStatus {
    OPEN,
    SETTLED,
    RELEASED
}
