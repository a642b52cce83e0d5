package be.bolwerk.findings.register;

import be.bolwerk.shared.security.OrganisationRole;

/**
 * What one member of a finding's organisation may do with it. Every member reads the register; members and admins
 * write findings and move the work (confirm, start, resolve); the admins decide: they give a finding an owner, close
 * it as duplicate, false positive or out of scope, reopen it and record retests. Nobody outside the organisation
 * learns that a finding exists, the programme office included.
 */
public record Access(OrganisationRole role) {

    public boolean mayWork() {
        return role == OrganisationRole.ORGANISATION_ADMIN || role == OrganisationRole.MEMBER;
    }

    public boolean mayDecide() {
        return role == OrganisationRole.ORGANISATION_ADMIN;
    }

    /**
     * A retest: the auditor or supervisor of the source would be the natural tester, but the source's events do
     * not say who they are, and they see nothing of the register; until they do, the organisation's admins record
     * the retest with the tester's name (ADR 0026).
     */
    public boolean mayRetest() {
        return mayDecide();
    }
}
