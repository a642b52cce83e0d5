package be.bolwerk.identity.factor;

import be.bolwerk.identity.event.AuthenticatorEnrolled;
import be.bolwerk.identity.event.AuthenticatorReplaced;
import be.bolwerk.identity.event.RecoveryCodesRenewed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factors of accounts: TOTP enrolment and use, and recovery codes. Every code works once: a TOTP
 * code only for a later time step than the last one accepted, a recovery code until it is marked used.
 *
 * <p>Each change publishes its event inside its own transaction: the audit trail appends synchronously (ADR 0006),
 * so a change and its audit row commit together or not at all.
 */
@Component
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    /** An account's TOTP secret; {@code confirmed} once a first correct code proved the app has it. */
    public record Enrolment(String secret, boolean confirmed) {}

    private final JdbcClient jdbc;
    private final Totp totp;
    private final SecretCipher cipher;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    SecondFactors(
            JdbcClient jdbc,
            Totp totp,
            SecretCipher cipher,
            PasswordEncoder passwords,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.totp = totp;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Enrolment> enrolment(UUID account) {
        return jdbc.sql("SELECT secret, confirmed_at FROM totp_enrolment WHERE user_account_id = :id")
                .param("id", account)
                .query((rs, row) ->
                        new Enrolment(cipher.open(rs.getString("secret")), rs.getObject("confirmed_at") != null))
                .optional();
    }

    /** The secret to show while enrolling: the pending one, or a new one. Never replaces a confirmed one. */
    @Transactional
    String pendingSecret(UUID account) {
        Optional<Enrolment> existing = enrolment(account);
        if (existing.isPresent()) {
            if (existing.get().confirmed()) {
                throw new IllegalStateException("Account already has a confirmed authenticator");
            }
            return existing.get().secret();
        }
        String secret = totp.newSecret();
        jdbc.sql("INSERT INTO totp_enrolment (user_account_id, secret, last_used_step) VALUES (:id, :secret, 0)")
                .param("id", account)
                .param("secret", cipher.seal(secret))
                .update();
        return secret;
    }

    /**
     * Confirms the pending secret with a first code and issues fresh recovery codes, returned once in clear.
     * Empty when the code is wrong.
     */
    @Transactional
    Optional<List<String>> confirm(UUID account, String code) {
        Optional<Enrolment> pending = enrolment(account).filter(e -> !e.confirmed());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = totp.match(pending.get().secret(), code);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                        UPDATE totp_enrolment SET confirmed_at = :now, last_used_step = :step
                        WHERE user_account_id = :id AND confirmed_at IS NULL
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("step", step.getAsLong())
                .param("id", account)
                .update();
        List<String> codes = newRecoveryCodes(account);
        events.publishEvent(new AuthenticatorEnrolled(account));
        return Optional.of(codes);
    }

    /** True when the code is right and of a later step than any accepted before (a code works once). */
    @Transactional
    boolean acceptTotp(UUID account, String code) {
        Optional<Enrolment> enrolment = enrolment(account).filter(Enrolment::confirmed);
        if (enrolment.isEmpty()) {
            return false;
        }
        OptionalLong step = totp.match(enrolment.get().secret(), code);
        return step.isPresent()
                && jdbc.sql("""
                                        UPDATE totp_enrolment SET last_used_step = :step
                                        WHERE user_account_id = :id AND last_used_step < :step
                                        """)
                                .param("step", step.getAsLong())
                                .param("id", account)
                                .update()
                        == 1;
    }

    /**
     * True when the code is one of the account's unused recovery codes; it is then used up. The first character
     * selects the one stored hash to compare with, so a guess costs at most one Argon2 check (codes issued
     * before selectors existed are still compared one by one until renewed).
     */
    @Transactional
    boolean acceptRecoveryCode(UUID account, String code) {
        if (code == null || code.isBlank() || code.length() > 40) {
            return false;
        }
        String typed =
                code.strip().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        if (typed.isEmpty()) {
            return false;
        }
        List<String> candidates = jdbc.sql("""
                        SELECT code_hash FROM recovery_code
                        WHERE user_account_id = :id AND used_at IS NULL AND (selector = :selector OR selector IS NULL)
                        """)
                .param("id", account)
                .param("selector", typed.substring(0, 1))
                .query(String.class)
                .list();
        for (String hash : candidates) {
            if (passwords.matches(typed, hash)) {
                return jdbc.sql("""
                                        UPDATE recovery_code SET used_at = :now
                                        WHERE user_account_id = :id AND code_hash = :hash AND used_at IS NULL
                                        """)
                                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                                .param("id", account)
                                .param("hash", hash)
                                .update()
                        == 1;
            }
        }
        return false;
    }

    @Transactional(readOnly = true)
    long unusedRecoveryCodes(UUID account) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_account_id = :id AND used_at IS NULL")
                .param("id", account)
                .query(Long.class)
                .single();
    }

    /** Ten new recovery codes, returned once in clear; the old ones stop working. */
    @Transactional
    List<String> renewRecoveryCodes(UUID account) {
        List<String> codes = newRecoveryCodes(account);
        events.publishEvent(new RecoveryCodesRenewed(account));
        return codes;
    }

    /**
     * The secret of the app that is to replace the confirmed one: the pending replacement, or a new one. The
     * confirmed app keeps working until {@link #confirmReplacement} succeeds.
     */
    @Transactional
    String replacementSecret(UUID account) {
        Optional<String> pending = jdbc.sql(
                        "SELECT replacement_secret FROM totp_enrolment WHERE user_account_id = :id AND confirmed_at IS NOT NULL")
                .param("id", account)
                .query((rs, row) -> Optional.ofNullable(cipher.open(rs.getString(1))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Account has no confirmed authenticator"));
        if (pending.isPresent()) {
            return pending.get();
        }
        String secret = totp.newSecret();
        jdbc.sql("UPDATE totp_enrolment SET replacement_secret = :secret WHERE user_account_id = :id")
                .param("id", account)
                .param("secret", cipher.seal(secret))
                .update();
        return secret;
    }

    /** Makes the replacement the account's authenticator when the code is right for it; false otherwise. */
    @Transactional
    boolean confirmReplacement(UUID account, String code) {
        Optional<String> pending = jdbc.sql("SELECT replacement_secret FROM totp_enrolment WHERE user_account_id = :id")
                .param("id", account)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(secret -> secret);
        if (pending.isEmpty()) {
            return false;
        }
        OptionalLong step = totp.match(cipher.open(pending.get()), code);
        if (step.isEmpty()) {
            return false;
        }
        boolean replaced = jdbc.sql("""
                                UPDATE totp_enrolment
                                SET secret = replacement_secret, replacement_secret = NULL, last_used_step = :step,
                                    confirmed_at = :now
                                WHERE user_account_id = :id AND replacement_secret = :secret
                                """)
                        .param("step", step.getAsLong())
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("id", account)
                        .param("secret", pending.get())
                        .update()
                == 1;
        if (replaced) {
            events.publishEvent(new AuthenticatorReplaced(account));
        }
        return replaced;
    }

    /**
     * Removes the authenticator, the recovery codes and the passkeys, so that the account enrols again at
     * sign-in.
     */
    @Transactional
    public void reset(UUID account) {
        jdbc.sql("DELETE FROM user_entities WHERE name = (SELECT email FROM user_account WHERE id = :id)")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM recovery_code WHERE user_account_id = :id")
                .param("id", account)
                .update();
        jdbc.sql("DELETE FROM totp_enrolment WHERE user_account_id = :id")
                .param("id", account)
                .update();
    }

    /** Enrols a known secret directly, confirmed: demo accounts only, whose seed the README publishes. */
    @Transactional
    public void enrolConfirmed(UUID account, String secret) {
        jdbc.sql("""
                        INSERT INTO totp_enrolment (user_account_id, secret, confirmed_at, last_used_step)
                        VALUES (:id, :secret, :now, 0)
                        """)
                .param("id", account)
                .param("secret", cipher.seal(secret))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private List<String> newRecoveryCodes(UUID account) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_account_id = :id")
                .param("id", account)
                .update();
        List<String> codes = new ArrayList<>();
        Set<Character> selectors = new HashSet<>();
        while (codes.size() < RECOVERY_CODES) {
            String code = randomCode();
            // Distinct first characters, so that the selector always points at exactly one hash.
            if (!selectors.add(code.charAt(0))) {
                continue;
            }
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
            jdbc.sql("""
                            INSERT INTO recovery_code (user_account_id, code_hash, selector)
                            VALUES (:id, :hash, :selector)
                            """)
                    .param("id", account)
                    .param("hash", passwords.encode(code))
                    .param("selector", code.substring(0, 1))
                    .update();
        }
        return codes;
    }

    /**
     * Ten characters from a 31-letter alphabet without look-alikes: about 50 bits, of which the first character
     * (the selector, stored in clear) gives nothing away about the other nine, which are all the hash protects.
     */
    private String randomCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
