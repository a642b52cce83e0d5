package be.bolwerk.identity;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.notification.NotificationProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links for guests on one incident (ADR 0043). The link opens the same invitation page as every other
 * invitation, so a guest sets a password and enrols the second factor like everyone, or accepts with the account
 * they already have; nothing here grants a right. On acceptance the identity module publishes
 * {@link be.bolwerk.identity.event.GuestAccountLinked} with the id given here, and the inviting module links the
 * account to its grant. The caller sends the mail: it knows what may be said about the incident.
 */
@Component
public class GuestInvitations {

    /**
     * Long enough for a firm to react over a weekend; a grant that ends sooner ends its link with it ({@link #issue}),
     * and the grant's own expiry still applies once accepted.
     */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final NotificationProperties mail;
    private final Clock clock;

    GuestInvitations(JdbcClient jdbc, NotificationProperties mail, Clock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Records a single-use link for {@code email} under {@code id} (the caller's grant id) and returns the link;
     * only the token's SHA-256 is stored, so the link exists nowhere else in clear. The link works for
     * {@link #VALIDITY} or until {@code grantEnds}, whichever comes first: a link that outlived its grant would let
     * someone set up an account that opens nothing.
     */
    @Transactional
    public String issue(UUID id, String email, UUID invitedBy, Instant grantEnds) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(VALIDITY);
        if (grantEnds.isBefore(expires.toInstant())) {
            expires = grantEnds.atOffset(ZoneOffset.UTC);
        }
        jdbc.sql("""
                        INSERT INTO guest_invitation (id, email, token_hash, invited_by, created_at, expires_at)
                        VALUES (:id, :email, :hash, :by, :now, :expires)
                        """)
                .param("id", id)
                .param("email", UserAccount.normalise(email))
                .param("hash", ApiTokens.hash(token))
                .param("by", invitedBy)
                .param("now", now)
                .param("expires", expires)
                .update();
        return mail.baseUrl() + "/invitation/" + token;
    }

    /** A revoked grant's link stops working too, so that nobody accepts a grant that no longer opens anything. */
    @Transactional
    public void withdraw(UUID id) {
        jdbc.sql("UPDATE guest_invitation SET expires_at = :past WHERE id = :id AND accepted_at IS NULL")
                .param("past", clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }
}
