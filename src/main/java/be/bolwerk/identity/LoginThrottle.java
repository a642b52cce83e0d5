package be.bolwerk.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing (ASVS 6.3.1) per account and per client address. After a few failures each
 * further failure doubles the wait, up to a ceiling; nothing is ever locked for good, so an attacker cannot
 * lock a real person out for longer than the ceiling. Unknown and known accounts are counted alike, so the
 * throttle tells nothing about which addresses exist.
 */
@Component
class LoginThrottle {

    /** Free failures per account before the first wait. */
    static final int ACCOUNT_ALLOWANCE = 5;

    /** Free failures per address: higher, since a town hall may sit behind one address. */
    static final int ADDRESS_ALLOWANCE = 20;

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** How long a failure is remembered. */
    static final Duration MEMORY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long the caller must still wait before trying this account from this address; empty when free. */
    @Transactional(readOnly = true)
    Optional<Duration> waitFor(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {accountKey(email), addressKey(address)}) {
            Instant until = jdbc.sql("SELECT blocked_until FROM login_throttle WHERE throttle_key = :key")
                    .param("key", key)
                    .query(OffsetDateTime.class)
                    .optional()
                    .map(OffsetDateTime::toInstant)
                    .orElse(null);
            if (until != null && until.isAfter(now)) {
                Duration left = Duration.between(now, until);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String email, String address) {
        count(accountKey(email), ACCOUNT_ALLOWANCE);
        count(addressKey(address), ADDRESS_ALLOWANCE);
    }

    /** A correct password clears the account's count; the address keeps its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String email) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key")
                .param("key", accountKey(email))
                .update();
    }

    private void count(String key, int allowance) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // Failures older than the memory window no longer count: a typo last week does not shorten today's allowance.
        int updated = jdbc.sql("""
                        UPDATE login_throttle
                        SET failures = CASE WHEN last_failure_at < :forgotten THEN 1 ELSE failures + 1 END,
                            last_failure_at = :now
                        WHERE throttle_key = :key
                        """)
                .param("forgotten", now.minus(MEMORY))
                .param("now", now)
                .param("key", key)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)")
                        .param("key", key)
                        .param("now", now)
                        .update();
            } catch (DuplicateKeyException concurrentFirstFailure) {
                count(key, allowance);
                return;
            }
        }
        int failures = jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
        if (failures >= allowance) {
            Duration wait = waitAfter(failures - allowance);
            jdbc.sql("UPDATE login_throttle SET blocked_until = :until WHERE throttle_key = :key")
                    .param("until", now.plus(wait))
                    .param("key", key)
                    .update();
        }
    }

    /** 30 s, 60 s, 2 min, … doubling up to 15 minutes. */
    static Duration waitAfter(int failuresBeyondAllowance) {
        int doublings = Math.min(failuresBeyondAllowance, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    static String accountKey(String email) {
        return "a:" + sha256(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return "i:" + sha256(address == null ? "" : address);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
