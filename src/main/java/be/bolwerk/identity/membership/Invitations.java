package be.bolwerk.identity.membership;

import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.event.GuestAccountLinked;
import be.bolwerk.identity.event.MemberInvited;
import be.bolwerk.identity.event.MembershipGranted;
import be.bolwerk.identity.event.PersonaGranted;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.notification.Mailer;
import be.bolwerk.notification.NotificationProperties;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: to join an organisation (by its admins, or its first admin by the programme), or to a
 * programme-wide persona (by platform admins, see {@link PersonaInvitations}), or to one incident as its guest
 * ({@link be.bolwerk.identity.GuestInvitations}, ADR 0043). The invitee follows a single-use
 * link that expires after 48 hours. A new address chooses a password there and enrols the second factor at the
 * first sign-in; an address that already has an account must sign in as that account, with both factors,
 * before the invitation is accepted — so a leaked link never adds rights to someone else's account, and the
 * public page never tells whether the address has an account.
 */
@Component
class Invitations {

    static final Duration VALIDITY = Duration.ofHours(48);

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * An invitation that can still be accepted: either to an organisation (organisation and role set) or to a
     * programme-wide persona (persona and, for some, an affiliation).
     */
    record Open(
            UUID id,
            UUID organisationId,
            String email,
            OrganisationRole role,
            Persona persona,
            String affiliation,
            boolean guest) {

        public boolean programmeWide() {
            return persona != null;
        }

        /** To one incident as its guest (ADR 0043): no membership, no persona; the incident module links it. */
        public boolean toOrganisation() {
            return persona == null && !guest;
        }
    }

    /** Why an invitation link no longer works. */
    enum Refusal {
        UNKNOWN,
        USED,
        EXPIRED
    }

    /** What accepting while signed in came to. */
    enum SignedInAcceptance {
        ACCEPTED,
        OTHER_ACCOUNT,
        GONE
    }

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final NotificationProperties mail;
    private final UserAccounts accounts;
    private final OrganisationMembers members;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Invitations(
            JdbcClient jdbc,
            Mailer mailer,
            NotificationProperties mail,
            UserAccounts accounts,
            OrganisationMembers members,
            PasswordEncoder passwords,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.mail = mail;
        this.accounts = accounts;
        this.members = members;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    static boolean mayInvite(CurrentUser inviter, UUID organisationId) {
        return inviter.has(Persona.PLATFORM_ADMIN)
                || inviter.roleIn(organisationId)
                        .filter(r -> r == OrganisationRole.ORGANISATION_ADMIN)
                        .isPresent();
    }

    /** A fresh link token: 256 random bits, URL-safe. Only its SHA-256 is stored. */
    static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Records the invitation and queues its mail in the same transaction. */
    @Transactional
    void invite(
            CurrentUser inviter, UUID organisationId, String organisationName, String email, OrganisationRole role) {
        String token = newToken();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        String address = UserAccount.normalise(email);
        jdbc.sql("""
                        INSERT INTO invitation (id, organisation_id, email, role, token_hash, invited_by, created_at,
                            expires_at)
                        VALUES (:id, :org, :email, :role, :hash, :by, :now, :expires)
                        """)
                .param("id", id)
                .param("org", organisationId)
                .param("email", address)
                .param("role", role.name())
                .param("hash", ApiTokens.hash(token))
                .param("by", inviter.id())
                .param("now", now)
                .param("expires", now.plus(VALIDITY))
                .update();
        mailer.send(
                address,
                Mailer.DEFAULT_LANGUAGE,
                "mail/invitation",
                Map.of(
                        "inviter",
                        inviter.displayName(),
                        "organisation",
                        organisationName,
                        "link",
                        mail.baseUrl() + "/invitation/" + token),
                organisationName);
        events.publishEvent(new MemberInvited(organisationId, id, role.name()));
    }

    /**
     * The programme (a programme officer or platform admin) invites the first admin of an organisation that has
     * none. False when it already has one: from then on its own admins invite, and the programme does not add
     * admins behind their backs.
     */
    @Transactional
    boolean inviteFirstAdmin(CurrentUser inviter, UUID organisationId, String organisationName, String email) {
        if (!inviter.hasAny(Persona.PROGRAMME_OFFICER, Persona.PLATFORM_ADMIN)) {
            throw new Members.NotAnAdmin();
        }
        if (hasAdmin(organisationId)) {
            return false;
        }
        invite(inviter, organisationId, organisationName, email, OrganisationRole.ORGANISATION_ADMIN);
        return true;
    }

    @Transactional(readOnly = true)
    boolean hasAdmin(UUID organisationId) {
        return members.of(organisationId).stream().anyMatch(m -> m.role() == OrganisationRole.ORGANISATION_ADMIN);
    }

    @Transactional(readOnly = true)
    Optional<Open> open(String token) {
        return find(token).filter(i -> i.refusal == null).map(i -> i.open);
    }

    @Transactional(readOnly = true)
    Refusal refusal(String token) {
        return find(token).map(i -> i.refusal).orElse(Refusal.UNKNOWN);
    }

    /**
     * The "I am new" path, once the form is valid. A new address gets its account with this password and the
     * invitation's rights. An address that already has an account gets nothing here: its password stays, the
     * invitation stays open, and a mail tells the owner to sign in and accept. Both do the same expensive work
     * (hashing the password) and answer the same, so neither the page nor its timing tells whether the address
     * has an account. False only when the link no longer works.
     */
    @Transactional
    boolean acceptAsNew(String token, String displayName, String password) {
        Optional<Open> open = open(token);
        if (open.isEmpty()) {
            return false;
        }
        String hash = passwords.encode(password);
        Optional<UserAccount> existing = accounts.findByEmail(open.get().email());
        if (existing.isPresent()) {
            mailer.send(
                    open.get().email(),
                    LocaleContextHolder.getLocale(),
                    "mail/existingAccount",
                    Map.of("link", mail.baseUrl() + "/invitation/" + token + "/accept"));
            return true;
        }
        if (!claim(open.get())) {
            return false;
        }
        UserAccount account = UserAccount.open(open.get().email(), displayName, hash, clock.instant());
        grant(account, open.get());
        return true;
    }

    /**
     * The "I already have an account" path: the person signed in fully as the invited address. Adds the
     * invitation's rights to that account; the caller ends its sessions, since they hold the rights they began
     * with.
     */
    @Transactional
    SignedInAcceptance acceptAsSignedIn(String token, CurrentUser user) {
        Optional<Open> open = open(token);
        if (open.isEmpty()) {
            return SignedInAcceptance.GONE;
        }
        if (!open.get().email().equals(UserAccount.normalise(user.email()))) {
            return SignedInAcceptance.OTHER_ACCOUNT;
        }
        Optional<UserAccount> account = accounts.findById(user.id());
        if (account.isEmpty() || !claim(open.get())) {
            return SignedInAcceptance.GONE;
        }
        grant(account.get(), open.get());
        return SignedInAcceptance.ACCEPTED;
    }

    /** Marks the invitation used; false when another request got there first. */
    private boolean claim(Open open) {
        String table = open.guest() ? "guest_invitation" : open.programmeWide() ? "persona_invitation" : "invitation";
        return jdbc.sql("UPDATE " + table + " SET accepted_at = :now WHERE id = :id AND accepted_at IS NULL")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", open.id())
                        .update()
                == 1;
    }

    private void grant(UserAccount account, Open open) {
        if (open.guest()) {
            // The account gets no rights of its own: the incident module's listener links it to the grant, in
            // this transaction, and that grant is all it may open.
            accounts.save(account);
            events.publishEvent(new GuestAccountLinked(open.id(), account.id()));
        } else if (open.programmeWide()) {
            account.grant(open.persona(), open.affiliation());
            accounts.save(account);
            events.publishEvent(new PersonaGranted(account.id(), open.persona().name()));
        } else {
            account.join(open.organisationId(), open.role(), clock.instant());
            accounts.save(account);
            events.publishEvent(new MembershipGranted(
                    open.organisationId(), account.id(), open.role().name()));
        }
    }

    private record Found(Open open, Refusal refusal) {}

    private Optional<Found> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String hash = ApiTokens.hash(token);
        List<Found> found = jdbc.sql("""
                        SELECT id, organisation_id, email, role, NULL AS persona, NULL AS affiliation, expires_at,
                            accepted_at, FALSE AS guest
                        FROM invitation WHERE token_hash = :hash
                        UNION ALL
                        SELECT id, NULL, email, NULL, persona, affiliation, expires_at, accepted_at, FALSE
                        FROM persona_invitation WHERE token_hash = :hash
                        UNION ALL
                        SELECT id, NULL, email, NULL, NULL, NULL, expires_at, accepted_at, TRUE
                        FROM guest_invitation WHERE token_hash = :hash
                        """)
                .param("hash", hash)
                .query((rs, row) -> {
                    String role = rs.getString("role");
                    String persona = rs.getString("persona");
                    Open open = new Open(
                            rs.getObject("id", UUID.class),
                            rs.getObject("organisation_id", UUID.class),
                            rs.getString("email"),
                            role == null ? null : OrganisationRole.valueOf(role),
                            persona == null ? null : Persona.valueOf(persona),
                            rs.getString("affiliation"),
                            rs.getBoolean("guest"));
                    Refusal refusal = rs.getObject("accepted_at") != null
                            ? Refusal.USED
                            : rs.getObject("expires_at", OffsetDateTime.class).isBefore(now) ? Refusal.EXPIRED : null;
                    return new Found(open, refusal);
                })
                .list();
        return found.stream().findFirst();
    }
}
