package be.bolwerk.incident.support;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request for emergency support stands: requested → recommended or not recommended (the CRT's advice) →
 * approved or rejected (the programme) → paid, or cancelled by the programme when an approval will not be invoiced;
 * withdrawn by the organisation before the programme decides.
 * Labels: {@code incident.support.status.*}.
 */
public enum SupportStatus {
    REQUESTED,
    RECOMMENDED,
    NOT_RECOMMENDED,
    APPROVED,
    REJECTED,
    PAID,
    WITHDRAWN,
    CANCELLED;

    /** Waiting for the CRT or the programme: what the programme's list shows first. */
    public static final Set<SupportStatus> PENDING = EnumSet.of(REQUESTED, RECOMMENDED, NOT_RECOMMENDED, APPROVED);
}
