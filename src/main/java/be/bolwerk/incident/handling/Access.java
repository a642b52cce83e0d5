package be.bolwerk.incident.handling;

import be.bolwerk.incident.Tlp;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.UUID;

/**
 * What one person may do with one incident. CRT analysts see and handle every incident; the people of the
 * incident's organisation see it (viewers included: in a crisis everyone needs the same picture), its members and
 * admins add what they learn, its admins decide for the organisation (invite a guest, request emergency support).
 * A guest (the organisation's external response firm, ADR 0043) sees this one incident's overview and timeline and
 * adds to it, nothing else. Nobody else learns that the incident exists, the programme office included: it sees
 * counts only.
 */
public record Access(boolean crt, OrganisationRole role, boolean guest) {

    public static Access of(CurrentUser user, UUID organisationId) {
        return new Access(
                user.has(Persona.CRT_ANALYST), user.roleIn(organisationId).orElse(null), false);
    }

    /** A person who is on this incident only through an active guest grant. */
    public static Access ofGuest() {
        return new Access(false, null, true);
    }

    public boolean mayView() {
        return crt || role != null || guest;
    }

    /**
     * Who sees the incident's own pages beyond the overview and timeline (handling, obligations, support,
     * lessons, guests): everyone who may view it except a guest.
     */
    public boolean mayViewAll() {
        return crt || role != null;
    }

    /** TLP:RED is for the named people of the CRT and the organisation; a firm does not read it (ADR 0043). */
    public boolean mayRead(Tlp tlp) {
        return !guest || tlp != Tlp.RED;
    }

    /** Triage, status steps, playbook tasks, the regulator obligations' records: the CRT's work. */
    public boolean mayHandle() {
        return crt;
    }

    /** Entries in the timeline and communication log, assets, indicators and evidence. */
    public boolean mayContribute() {
        return crt || role == OrganisationRole.ORGANISATION_ADMIN || role == OrganisationRole.MEMBER || guest;
    }

    /** What the organisation decides itself: inviting a guest, asking for emergency support. */
    public boolean mayDecideForOrganisation() {
        return role == OrganisationRole.ORGANISATION_ADMIN;
    }
}
