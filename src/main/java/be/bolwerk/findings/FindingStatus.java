package be.bolwerk.findings;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a finding stands. The work runs new → confirmed → in progress → resolved → fix verified; a failed retest
 * or a second look reopens it; duplicate, false positive and out of scope close it with a reason. Risk accepted
 * is reached only through an active risk acceptance and left only when it expires or is revoked (ADR 0030). Labels:
 * {@code finding.status.*}.
 */
public enum FindingStatus {
    NEW,
    CONFIRMED,
    IN_PROGRESS,
    RESOLVED,
    FIX_VERIFIED,
    REOPENED,
    DUPLICATE,
    FALSE_POSITIVE,
    OUT_OF_SCOPE,
    RISK_ACCEPTED;

    /** Still to be fixed: these count against the due date (overdue, due soon). */
    public static final Set<FindingStatus> OPEN = EnumSet.of(NEW, CONFIRMED, IN_PROGRESS, REOPENED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
