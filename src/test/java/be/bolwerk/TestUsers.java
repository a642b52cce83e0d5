package be.bolwerk;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

    /**
     * A demo account as it signs in (its real id and name, so mails reach its outbox rows), with exactly the
     * personas and memberships the test relies on.
     */
    public static CurrentUser demo(
            JdbcClient jdbc, String email, Set<Persona> personas, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, personas, memberships);
    }

    public static CurrentUser programmeOfficer() {
        return persona(Persona.PROGRAMME_OFFICER);
    }

    /**
     * Signs the request in as this user after both steps: password and authenticator code. Use this instead of
     * Spring Security's {@code user(..)}, which knows nothing of factors and would be sent to /mfa.
     */
    public static RequestPostProcessor signedIn(CurrentUser user) {
        return authentication(fullySignedIn(user));
    }

    /** The authentication of a user past both sign-in steps, for tests that call services directly. */
    public static Authentication fullySignedIn(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        authorities.add(FactorGrantedAuthority.fromFactor("TOTP"));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
