package be.bolwerk.identity.account;

import be.bolwerk.shared.security.Persona;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Giving an account a persona, or a new affiliation for one it holds. */
record PersonaForm(
        @NotNull(message = "{validation.required}") Persona persona,
        @Size(max = 120, message = "{validation.size.max}") String affiliation) {}
