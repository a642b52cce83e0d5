package be.bolwerk.identity.signin;

import be.bolwerk.identity.event.SignInAttemptsRefused;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down guessing (ASVS 6.3.1) per account and per client address, for the password and, counted apart,
 * for second-factor codes. After a few failures each further failure doubles the wait, up to a ceiling;
 * nothing is ever locked for good, so an attacker cannot lock a real person out for longer than the ceiling.
 * Unknown and known accounts are counted alike, so the throttle tells nothing about which addresses exist.
 *
 * <p>Attempts refused while waiting leave a trace without flooding the audit trail: the first refusal is
 * reported at once, later ones are counted and reported as one summary at most once a minute, and what is
 * still counted is reported with the next failure or success on that key.
 */
@Component
public class LoginThrottle {

    /** Free failures per account before the first wait. */
    public static final int ACCOUNT_ALLOWANCE = 5;

    /** Free failures per address: higher, since a town hall may sit behind one address. */
    public static final int ADDRESS_ALLOWANCE = 20;

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** How long a failure is remembered. */
    static final Duration MEMORY = Duration.ofHours(1);

    /** Refused attempts on one key are summarised in at most one audit row per this period. */
    static final Duration SUMMARY_PERIOD = Duration.ofMinutes(1);

    /**
     * What is being guessed. Each step has counters of its own (a key prefix), so that typing the password right
     * does not clear the count of wrong codes, and the other way round.
     */
    public enum Step {
        PASSWORD("a:", "i:", "password"),
        SECOND_FACTOR("fa:", "fi:", "second factor");

        private final String accountPrefix;
        private final String addressPrefix;
        private final String label;

        Step(String accountPrefix, String addressPrefix, String label) {
            this.accountPrefix = accountPrefix;
            this.addressPrefix = addressPrefix;
            this.label = label;
        }

        public String accountKey(String email) {
            return accountPrefix + sha256(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        }

        String addressKey(String address) {
            return addressPrefix + sha256(address == null ? "" : address);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LoginThrottle(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** How long the caller must still wait before typing a password for this account from this address. */
    @Transactional(readOnly = true)
    Optional<Duration> waitFor(String email, String address) {
        return waitFor(Step.PASSWORD, email, address);
    }

    /** How long the caller must still wait before trying this step for this account from this address. */
    @Transactional(readOnly = true)
    public Optional<Duration> waitFor(Step step, String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {step.accountKey(email), step.addressKey(address)}) {
            Duration left = waitOn(key, now);
            wait = left.compareTo(wait) > 0 ? left : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * The gate in front of every check of a password or code: empty when the attempt may go ahead; otherwise how
     * long to wait, and the refused attempt is counted for the audit trail.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> refuseWhileWaiting(Step step, String email, String address) {
        Instant now = clock.instant();
        String accountKey = step.accountKey(email);
        String addressKey = step.addressKey(address);
        Duration accountWait = waitOn(accountKey, now);
        Duration addressWait = waitOn(addressKey, now);
        if (accountWait.isZero() && addressWait.isZero()) {
            return Optional.empty();
        }
        // Counted on the key that holds the attempt back: a spray over many accounts from one address
        // becomes one summary for the address, a guessed account one summary for the account.
        refused(step, accountWait.isZero() ? addressKey : accountKey, email, address, now);
        return Optional.of(accountWait.compareTo(addressWait) > 0 ? accountWait : addressWait);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String email, String address) {
        failed(Step.PASSWORD, email, address);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Step step, String email, String address) {
        report(step, step.accountKey(email), email, address);
        report(step, step.addressKey(address), email, address);
        count(step.accountKey(email), ACCOUNT_ALLOWANCE);
        count(step.addressKey(address), ADDRESS_ALLOWANCE);
    }

    /** A correct password clears the account's count; the address keeps its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(String email) {
        succeeded(Step.PASSWORD, email, null);
    }

    /** A correct answer clears the account's count for this step; the address keeps its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(Step step, String email, String address) {
        report(step, step.accountKey(email), email, address);
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key")
                .param("key", step.accountKey(email))
                .update();
    }

    private Duration waitOn(String key, Instant now) {
        Instant until = jdbc.sql("SELECT blocked_until FROM login_throttle WHERE throttle_key = :key")
                .param("key", key)
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant)
                .orElse(null);
        return until != null && until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Counts a refusal; reports the count when the key has not been reported on for a summary period. */
    private void refused(Step step, String key, String email, String address, Instant now) {
        jdbc.sql("""
                        UPDATE login_throttle
                        SET refused = refused + 1, refused_since = COALESCE(refused_since, :now)
                        WHERE throttle_key = :key
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("key", key)
                .update();
        // No row: a success cleared the key meanwhile. No report yet: this refusal is the first, report it now.
        Optional<Optional<OffsetDateTime>> reportedAt = jdbc.sql(
                        "SELECT reported_at FROM login_throttle WHERE throttle_key = :key")
                .param("key", key)
                .query((rs, row) -> Optional.ofNullable(rs.getObject("reported_at", OffsetDateTime.class)))
                .optional();
        if (reportedAt.isEmpty()) {
            return;
        }
        if (reportedAt.get().isEmpty()
                || !reportedAt.get().get().toInstant().plus(SUMMARY_PERIOD).isAfter(now)) {
            report(step, key, email, address);
            jdbc.sql("UPDATE login_throttle SET reported_at = :now WHERE throttle_key = :key")
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("key", key)
                    .update();
        }
    }

    /** Publishes the refusals counted on the key since the last report, if any, and starts counting anew. */
    private void report(Step step, String key, String email, String address) {
        Optional<SignInAttemptsRefused> pending = jdbc.sql(
                        "SELECT refused, refused_since FROM login_throttle WHERE throttle_key = :key AND refused > 0")
                .param("key", key)
                .query((rs, row) -> new SignInAttemptsRefused(
                        step.label,
                        email,
                        address,
                        rs.getInt("refused"),
                        rs.getObject("refused_since", OffsetDateTime.class).toInstant(),
                        clock.instant()))
                .optional();
        if (pending.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE login_throttle SET refused = 0, refused_since = NULL WHERE throttle_key = :key")
                .param("key", key)
                .update();
        events.publishEvent(pending.get());
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
        // The first failure of a key creates its row. Two first failures at once both find no row; the loser of the
        // race must not fail on the duplicate (on PostgreSQL that aborts its transaction: a lost count or a 500), so
        // it inserts nothing and increments the row the winner committed.
        if (updated == 0 && jdbc.sql("""
                                        INSERT INTO login_throttle (throttle_key, failures, last_failure_at)
                                        VALUES (:key, 1, :now) ON CONFLICT DO NOTHING
                                        """).param("key", key).param("now", now).update() == 0) {
            count(key, allowance);
            return;
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

    public static String accountKey(String email) {
        return Step.PASSWORD.accountKey(email);
    }

    static String addressKey(String address) {
        return Step.PASSWORD.addressKey(address);
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
