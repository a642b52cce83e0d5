package be.bolwerk.engagement.work;

/**
 * Where an engagement stands (ADR 0025). REQUESTED waits for a signature, also after a change of scope voided
 * one; SIGNED may get students; ASSIGNED may start; only UNDER_WAY takes findings; REPORTED has every finding
 * reviewed; CLOSED is done. STOPPED ends it at once on signs of an active compromise.
 */
public enum EngagementState {
    REQUESTED,
    SIGNED,
    ASSIGNED,
    UNDER_WAY,
    REPORTED,
    CLOSED,
    STOPPED;

    /** Whether the scope may still change (and be signed again). */
    public boolean scopeEditable() {
        return this == REQUESTED || this == SIGNED || this == ASSIGNED || this == UNDER_WAY;
    }

    public boolean ended() {
        return this == CLOSED || this == STOPPED;
    }
}
