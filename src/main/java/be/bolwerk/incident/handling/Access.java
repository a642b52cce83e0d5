package be.bolwerk.incident.handling;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.UUID;

/**
 * What one person may do with one incident. CRT analysts see and handle every incident; the people of the
 * incident's organisation see it (viewers included: in a crisis everyone needs the same picture), its members and
 * admins add what they learn, its admins decide for the organisation (invite a guest, request emergency support).
 * Nobody else learns that the incident exists, the programme office included: it sees counts only.
 */
public record Access(boolean crt, OrganisationRole role) {

    public static Access of(CurrentUser user, UUID organisationId) {
        return new Access(
                user.has(Persona.CRT_ANALYST), user.roleIn(organisationId).orElse(null));
    }

    public boolean mayView() {
        return crt || role != null;
    }

    /** Triage, status steps, playbook tasks, the regulator obligations' records: the CRT's work. */
    public boolean mayHandle() {
        return crt;
    }

    /** Entries in the timeline and communication log, assets, indicators and evidence. */
    public boolean mayContribute() {
        return crt || role == OrganisationRole.ORGANISATION_ADMIN || role == OrganisationRole.MEMBER;
    }

    /** What the organisation decides itself: inviting a guest, asking for emergency support. */
    public boolean mayDecideForOrganisation() {
        return role == OrganisationRole.ORGANISATION_ADMIN;
    }
}
