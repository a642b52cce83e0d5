package be.bolwerk.identity.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Accepting an invitation: the name colleagues will see and a password, typed twice. */
record AcceptInvitationForm(
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.size.max}")
        String displayName,

        @Size(max = 1000, message = "{validation.size.max}") String password,
        @Size(max = 1000, message = "{validation.size.max}") String confirmation) {}
