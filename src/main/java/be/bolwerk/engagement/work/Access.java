package be.bolwerk.engagement.work;

import be.bolwerk.shared.security.OrganisationRole;

/**
 * What one person may do with one engagement, worked out once ({@link EngagementAccess}). The organisation's
 * members read it (its admins act on it) and see accepted findings only; the supervisors of its college and its
 * assigned students see everything; programme officers see its state and counts, never a finding's details or
 * the scope. Nobody else learns it exists.
 */
public record Access(OrganisationRole organisationRole, boolean supervisor, boolean student, boolean officer) {

    public boolean organisationAdmin() {
        return organisationRole == OrganisationRole.ORGANISATION_ADMIN;
    }

    public boolean organisationMember() {
        return organisationRole != null;
    }

    public boolean any() {
        return organisationMember() || supervisor || student || officer;
    }

    /** The scope, the signature and the consents: for the parties to the engagement. */
    public boolean seesScope() {
        return organisationMember() || supervisor || student;
    }

    /** Every finding in every state: the college's side. */
    public boolean seesAllFindings() {
        return supervisor || student;
    }

    /** Accepted findings, with their evidence. */
    public boolean seesAcceptedFindings() {
        return seesAllFindings() || organisationMember();
    }

    /** Who may stop it for a compromise: those testing. */
    public boolean mayStop() {
        return supervisor || student;
    }

    /** Who may set the evidence deletion date: the organisation's admins and the supervisor. */
    public boolean maySetDeletionDate() {
        return organisationAdmin() || supervisor;
    }
}
