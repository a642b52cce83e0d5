package be.bolwerk.identity.token;

import be.bolwerk.identity.event.ApiTokenCreated;
import be.bolwerk.identity.event.ApiTokenRevoked;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once, stored as a hash, scoped, expiring, revocable, last use recorded. A token
 * is 256 random bits, so it cannot be guessed and a plain SHA-256 is a safe way to store it.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "bwk_";
    static final int LONGEST_VALIDITY_DAYS = 365;

    /** What a token may do: read (GET) or also change data. */
    public enum Scope {
        READ,
        WRITE
    }

    /** A token as its owner sees it in the list. */
    public record TokenView(
            UUID id,
            String name,
            String prefix,
            Scope scope,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {

        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A valid token: whose it is and what it may do. */
    record Holder(UUID accountId, Scope scope) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Creates a token and returns it in clear: the only time it exists outside the caller's hands. */
    @Transactional
    public String create(UUID account, String name, Scope scope, int validityDays) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO api_token (id, user_account_id, name, token_hash, token_prefix, scope,
                            created_at, expires_at)
                        VALUES (:id, :account, :name, :hash, :prefix, :scope, :now, :expires)
                        """)
                .param("id", id)
                .param("account", account)
                .param("name", name.strip())
                .param("hash", hash(token))
                .param("prefix", token.substring(0, 10))
                .param("scope", scope.name())
                .param("now", now)
                .param("expires", now.plusDays(validityDays))
                .update();
        events.publishEvent(new ApiTokenCreated(account, id, scope.name()));
        return token;
    }

    @Transactional(readOnly = true)
    List<TokenView> of(UUID account) {
        return jdbc.sql("""
                        SELECT id, name, token_prefix, scope, created_at, expires_at, revoked_at, last_used_at
                        FROM api_token WHERE user_account_id = :account ORDER BY created_at DESC
                        """)
                .param("account", account)
                .query((rs, row) -> new TokenView(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        Scope.valueOf(rs.getString("scope")),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes one of the account's own tokens; false when there is no such token of this account. */
    @Transactional
    boolean revoke(UUID account, UUID token) {
        int revoked = jdbc.sql("""
                        UPDATE api_token SET revoked_at = :now
                        WHERE id = :id AND user_account_id = :account AND revoked_at IS NULL
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", token)
                .param("account", account)
                .update();
        if (revoked == 1) {
            events.publishEvent(new ApiTokenRevoked(account, token));
        }
        return revoked == 1;
    }

    /**
     * The holder of a token that is neither revoked nor expired, and records its use. The last-use time is
     * written at most once a minute, so a busy client does not turn every read into a write.
     */
    @Transactional
    Optional<Holder> use(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String hash = hash(token);
        Optional<Holder> holder = jdbc.sql("""
                        SELECT user_account_id, scope FROM api_token
                        WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now
                        """)
                .param("hash", hash)
                .param("now", now)
                .query((rs, row) ->
                        new Holder(rs.getObject("user_account_id", UUID.class), Scope.valueOf(rs.getString("scope"))))
                .optional();
        if (holder.isPresent()) {
            jdbc.sql("""
                            UPDATE api_token SET last_used_at = :now
                            WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :minuteAgo)
                            """)
                    .param("now", now)
                    .param("hash", hash)
                    .param("minuteAgo", now.minus(Duration.ofMinutes(1)))
                    .update();
        }
        return holder;
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
