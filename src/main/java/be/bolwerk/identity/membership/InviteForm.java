package be.bolwerk.identity.membership;

import be.bolwerk.shared.security.OrganisationRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Inviting someone: into which organisation, which address, which role. */
record InviteForm(
        @NotNull(message = "{validation.required}") UUID organisationId,

        @NotBlank(message = "{validation.required}")
        @Email(message = "{validation.email}")
        @Size(max = 254, message = "{validation.size.max}")
        String email,

        @NotNull(message = "{validation.required}") OrganisationRole role) {

    static InviteForm empty(UUID organisationId) {
        return new InviteForm(organisationId, null, OrganisationRole.MEMBER);
    }
}
