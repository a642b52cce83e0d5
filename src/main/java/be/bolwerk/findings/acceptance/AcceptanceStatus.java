package be.bolwerk.findings.acceptance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a risk acceptance stands: proposed → approved (→ active at once) or rejected; active → expired or revoked.
 * Labels: {@code findings.acceptance.status.*}.
 */
public enum AcceptanceStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** Still holding its findings, or about to: a finding may be in one of these at a time. */
    public static final Set<AcceptanceStatus> PENDING_OR_ACTIVE = EnumSet.of(PROPOSED, APPROVED, ACTIVE);
}
