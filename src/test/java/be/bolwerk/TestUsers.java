package be.bolwerk;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signed-in users for tests, built directly so a test states exactly which rights it relies on. */
public final class TestUsers {

    private TestUsers() {}

    public static CurrentUser persona(Persona persona) {
        return new CurrentUser(
                UUID.randomUUID(),
                persona.name().toLowerCase() + "@test.invalid",
                "Test " + persona,
                null,
                true,
                Set.of(persona),
                Map.of());
    }

    public static CurrentUser member(UUID organisationId, OrganisationRole role) {
        return new CurrentUser(
                UUID.randomUUID(),
                "member-" + organisationId + "@test.invalid",
                "Test member",
                null,
                true,
                Set.of(),
                Map.of(organisationId, role));
    }

    public static CurrentUser programmeOfficer() {
        return persona(Persona.PROGRAMME_OFFICER);
    }
}
