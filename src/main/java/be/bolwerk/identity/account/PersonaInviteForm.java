package be.bolwerk.identity.account;

import be.bolwerk.shared.security.Persona;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Inviting someone to a programme-wide persona; the affiliation only for personas that have one. */
record PersonaInviteForm(
        @NotBlank(message = "{validation.required}")
        @Email(message = "{validation.email}")
        @Size(max = 254, message = "{validation.size.max}")
        String email,

        @NotNull(message = "{validation.required}") Persona persona,
        @Size(max = 120, message = "{validation.size.max}") String affiliation) {

    static PersonaInviteForm empty() {
        return new PersonaInviteForm(null, Persona.PROGRAMME_OFFICER, null);
    }
}
