package be.bolwerk.identity.password;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.event.PasswordResetRequested;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.notification.Mailer;
import be.bolwerk.notification.NotificationProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords (ASVS 6.4.3): a single-use link by e-mail, valid for an hour, and on the page it opens
 * the second factor is still required — the mailbox alone never lets anyone in. Whether an address has an
 * account is never revealed, and an account gets at most one link per five minutes.
 */
@Component
class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(1);
    static final Duration QUIET = Duration.ofMinutes(5);

    /** A link that still works: for which account. */
    record Open(UUID resetId, UUID accountId) {}

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Mailer mailer;
    private final NotificationProperties mail;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(
            JdbcClient jdbc,
            UserAccounts accounts,
            Mailer mailer,
            NotificationProperties mail,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Sends a link when the address belongs to an active account; says nothing either way. Every request is
     * announced, so that a run of requests for many addresses shows in the audit trail.
     */
    @Transactional
    void request(String email) {
        events.publishEvent(new PasswordResetRequested(email, sendLink(email)));
    }

    private boolean sendLink(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return false;
        }
        Optional<UserAccount> account =
                accounts.findByEmail(UserAccount.normalise(email)).filter(UserAccount::enabled);
        if (account.isEmpty()) {
            return false;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long recent = jdbc.sql(
                        "SELECT COUNT(*) FROM password_reset WHERE user_account_id = :id AND created_at > :since")
                .param("id", account.get().id())
                .param("since", now.minus(QUIET))
                .query(Long.class)
                .single();
        if (recent > 0) {
            return false;
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        INSERT INTO password_reset (id, user_account_id, token_hash, created_at, expires_at)
                        VALUES (:id, :account, :hash, :now, :expires)
                        """)
                .param("id", UUID.randomUUID())
                .param("account", account.get().id())
                .param("hash", ApiTokens.hash(token))
                .param("now", now)
                .param("expires", now.plus(VALIDITY))
                .update();
        mailer.send(
                account.get().email(),
                LocaleContextHolder.getLocale(),
                "mail/passwordReset",
                Map.of("link", mail.baseUrl() + "/password-reset/" + token));
        return true;
    }

    @Transactional(readOnly = true)
    Optional<Open> open(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, user_account_id FROM password_reset
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        """)
                .param("hash", ApiTokens.hash(token))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, row) ->
                        new Open(rs.getObject("id", UUID.class), rs.getObject("user_account_id", UUID.class)))
                .optional();
    }

    /** Uses the link up; false when someone else used it first. */
    @Transactional
    boolean use(Open open) {
        return jdbc.sql("UPDATE password_reset SET used_at = :now WHERE id = :id AND used_at IS NULL")
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", open.resetId())
                        .update()
                == 1;
    }
}
