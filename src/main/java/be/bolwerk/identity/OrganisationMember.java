package be.bolwerk.identity;

import be.bolwerk.shared.security.OrganisationRole;
import java.util.UUID;

/** A person's membership of an organisation, as other modules may show it (to assign work, say). */
public record OrganisationMember(UUID accountId, String displayName, String email, OrganisationRole role) {}
