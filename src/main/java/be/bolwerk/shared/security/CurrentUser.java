package be.bolwerk.shared.security;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as every module sees it: who, with which programme-wide personas and which role in
 * which organisation. Lives in the session (Spring Session JDBC), hence serializable and free of entities.
 * Organisation ids are plain UUIDs here so that the shared module depends on no capability module.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Set<Persona> personas;
    private final Map<UUID, OrganisationRole> memberships;

    public CurrentUser(
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            boolean enabled,
            Set<Persona> personas,
            Map<UUID, OrganisationRole> memberships) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.personas = personas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(personas));
        this.memberships = Map.copyOf(memberships);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Persona> personas() {
        return personas;
    }

    public boolean has(Persona persona) {
        return personas.contains(persona);
    }

    public boolean hasAny(Persona... candidates) {
        for (Persona candidate : candidates) {
            if (personas.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Organisation id to the role held there. */
    public Map<UUID, OrganisationRole> memberships() {
        return memberships;
    }

    public Optional<OrganisationRole> roleIn(UUID organisationId) {
        return Optional.ofNullable(memberships.get(organisationId));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        personas.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        memberships.values().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Drops the password hash once authentication is over, so it never reaches the session store. */
    @Override
    public void eraseCredentials() {
        this.passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        // Deliberately without e-mail or hash: this may end up in logs.
        return "CurrentUser[" + id + "]";
    }
}
