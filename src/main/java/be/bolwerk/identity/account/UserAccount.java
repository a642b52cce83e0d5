package be.bolwerk.identity.account;

import be.bolwerk.identity.event.AccountDeactivated;
import be.bolwerk.identity.event.AccountReactivated;
import be.bolwerk.identity.event.MembershipChanged;
import be.bolwerk.identity.event.MembershipEnded;
import be.bolwerk.identity.event.PasswordChanged;
import be.bolwerk.identity.event.PersonaChanged;
import be.bolwerk.identity.event.PersonaRemoved;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person's account: credentials, programme-wide personas and memberships of organisations. */
@Table
public class UserAccount extends AbstractAggregateRoot<UserAccount> {

    @Id
    private final UUID id;

    private final String email;
    private String displayName;
    private String passwordHash;
    private boolean enabled;
    private final Instant createdAt;

    @MappedCollection(idColumn = "user_account_id")
    private final Set<ProgrammeRole> programmeRoles;

    @MappedCollection(idColumn = "user_account_id")
    private final Set<Membership> memberships;

    @Version
    private Integer version;

    @PersistenceCreator
    private UserAccount(
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            boolean enabled,
            Instant createdAt,
            Set<ProgrammeRole> programmeRoles,
            Set<Membership> memberships,
            Integer version) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.programmeRoles = new HashSet<>(programmeRoles);
        this.memberships = new HashSet<>(memberships);
        this.version = version;
    }

    public static UserAccount open(String email, String displayName, String passwordHash, Instant now) {
        return new UserAccount(
                UUID.randomUUID(),
                normalise(email),
                displayName.strip(),
                passwordHash,
                true,
                now,
                Set.of(),
                Set.of(),
                null);
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Gives the account a programme-wide persona, or a new affiliation for one it holds. Silent: the callers that
     * grant on someone's behalf (an invitation, the demo data) publish their own event.
     */
    public void grant(Persona persona, String affiliation) {
        String value = Affiliation.of(persona, affiliation);
        programmeRoles.removeIf(r -> r.role() == persona);
        programmeRoles.add(new ProgrammeRole(persona, value));
    }

    /** A platform admin gave this account a persona or changed its affiliation. */
    void assignPersona(Persona persona, String affiliation) {
        grant(persona, affiliation);
        registerEvent(new PersonaChanged(id, persona.name(), Affiliation.of(persona, affiliation)));
    }

    /** A platform admin took a persona away; false when the account did not hold it. */
    boolean removePersona(Persona persona) {
        if (!programmeRoles.removeIf(r -> r.role() == persona)) {
            return false;
        }
        registerEvent(new PersonaRemoved(id, persona.name()));
        return true;
    }

    public boolean holds(Persona persona) {
        return programmeRoles.stream().anyMatch(r -> r.role() == persona);
    }

    public void join(UUID organisationId, OrganisationRole role, Instant now) {
        memberships.removeIf(m -> m.organisationId().equals(organisationId));
        memberships.add(new Membership(organisationId, role, now));
    }

    public boolean isMemberOf(UUID organisationId) {
        return memberships.stream().anyMatch(m -> m.organisationId().equals(organisationId));
    }

    /** An organisation admin gave this member another role there. */
    public void changeRole(UUID organisationId, OrganisationRole role, Instant now) {
        join(organisationId, role, now);
        registerEvent(new MembershipChanged(organisationId, id, role.name()));
    }

    /** An organisation admin removed this member from the organisation. */
    public void leave(UUID organisationId) {
        if (memberships.removeIf(m -> m.organisationId().equals(organisationId))) {
            registerEvent(new MembershipEnded(organisationId, id));
        }
    }

    /** Stops the account from signing in; its sessions are ended by the caller. */
    void deactivate() {
        if (enabled) {
            enabled = false;
            registerEvent(new AccountDeactivated(id, email));
        }
    }

    void reactivate() {
        if (!enabled) {
            enabled = true;
            registerEvent(new AccountReactivated(id, email));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Replaces the password hash; the caller has re-authenticated the person and checked the policy. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        registerEvent(new PasswordChanged(id, email, false));
    }

    /** A new password set through a reset link: nobody is signed in, so the event names the account. */
    public void resetPassword(String newHash) {
        this.passwordHash = newHash;
        registerEvent(new PasswordChanged(id, email, true));
    }

    public UUID id() {
        return id;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    public CurrentUser toCurrentUser() {
        Set<Persona> personas = EnumSet.noneOf(Persona.class);
        programmeRoles.forEach(r -> personas.add(r.role()));
        Map<UUID, OrganisationRole> roles = new HashMap<>();
        memberships.forEach(m -> roles.put(m.organisationId(), m.role()));
        return new CurrentUser(id, email, displayName, passwordHash, enabled, personas, roles);
    }

    /** A programme-wide persona; the affiliation names the audit firm or college for the personas that have one. */
    @Table("programme_role")
    record ProgrammeRole(Persona role, String affiliation) {}

    @Table("membership")
    record Membership(UUID organisationId, OrganisationRole role, Instant createdAt) {}
}
