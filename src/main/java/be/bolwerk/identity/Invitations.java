package be.bolwerk.identity;

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
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to join an organisation: an organisation admin (or a platform admin) invites an e-mail address
 * with a role; the invitee follows a single-use link that expires after 48 hours and chooses a password. The
 * second factor is enrolled at the first sign-in, like for every account.
 */
@Component
class Invitations {

    static final Duration VALIDITY = Duration.ofHours(48);

    /** An invitation that can still be accepted. */
    record Open(UUID id, UUID organisationId, String email, OrganisationRole role) {}

    /** Why an invitation link no longer works. */
    enum Refusal {
        UNKNOWN,
        USED,
        EXPIRED
    }

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final NotificationProperties mail;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Invitations(
            JdbcClient jdbc,
            Mailer mailer,
            NotificationProperties mail,
            UserAccounts accounts,
            PasswordEncoder passwords,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.mail = mail;
        this.accounts = accounts;
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

    /** Records the invitation and queues its mail in the same transaction. */
    @Transactional
    void invite(
            CurrentUser inviter, UUID organisationId, String organisationName, String email, OrganisationRole role) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
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
        mailer.send(address, "Uitnodiging voor Bolwerk — " + organisationName, """
                Goedendag,

                %s nodigt u uit om in Bolwerk mee te werken voor %s.

                Open deze link binnen 48 uur om uw account in te stellen:
                %s/invitation/%s

                De link werkt een keer. Verwachtte u deze uitnodiging niet, dan kunt u deze e-mail negeren.

                Bolwerk
                """.formatted(
                        inviter.displayName(), organisationName, mail.baseUrl(), token));
        events.publishEvent(new MemberInvited(organisationId, id, role.name()));
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
     * Accepts the invitation: a new account with this password, or — when the address already has an account
     * — only the membership. Returns false when the link no longer works.
     */
    @Transactional
    boolean accept(String token, String displayName, String password) {
        Optional<Open> open = open(token);
        if (open.isEmpty()) {
            return false;
        }
        int claimed = jdbc.sql("UPDATE invitation SET accepted_at = :now WHERE id = :id AND accepted_at IS NULL")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", open.get().id())
                .update();
        if (claimed != 1) {
            return false;
        }
        UserAccount account = accounts.findByEmail(open.get().email())
                .orElseGet(() ->
                        UserAccount.open(open.get().email(), displayName, passwords.encode(password), clock.instant()));
        account.join(open.get().organisationId(), open.get().role(), clock.instant());
        accounts.save(account);
        events.publishEvent(new MembershipGranted(
                open.get().organisationId(), account.id(), open.get().role().name()));
        return true;
    }

    boolean hasAccount(String email) {
        return accounts.existsByEmail(UserAccount.normalise(email));
    }

    private record Found(Open open, Refusal refusal) {}

    private Optional<Found> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Found> found = jdbc.sql("""
                        SELECT id, organisation_id, email, role, expires_at, accepted_at FROM invitation
                        WHERE token_hash = :hash
                        """)
                .param("hash", ApiTokens.hash(token))
                .query((rs, row) -> {
                    Open open = new Open(
                            rs.getObject("id", UUID.class),
                            rs.getObject("organisation_id", UUID.class),
                            rs.getString("email"),
                            OrganisationRole.valueOf(rs.getString("role")));
                    Refusal refusal = rs.getObject("accepted_at") != null
                            ? Refusal.USED
                            : rs.getObject("expires_at", OffsetDateTime.class).isBefore(now) ? Refusal.EXPIRED : null;
                    return new Found(open, refusal);
                })
                .list();
        return found.stream().findFirst();
    }
}
