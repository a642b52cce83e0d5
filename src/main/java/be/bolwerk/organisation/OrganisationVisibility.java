package be.bolwerk.organisation;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.util.Set;
import java.util.UUID;

/**
 * Which organisations a person may see: the programme-wide personas that oversee the field see all of them,
 * everyone else only the organisations they are a member of. Every query of this module goes through it.
 */
record OrganisationVisibility(boolean all, Set<UUID> ids) {

    static OrganisationVisibility of(CurrentUser user) {
        if (user.hasAny(Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST, Persona.PLATFORM_ADMIN)) {
            return new OrganisationVisibility(true, Set.of());
        }
        return new OrganisationVisibility(false, Set.copyOf(user.memberships().keySet()));
    }

    boolean none() {
        return !all && ids.isEmpty();
    }

    boolean includes(UUID id) {
        return all || ids.contains(id);
    }
}
