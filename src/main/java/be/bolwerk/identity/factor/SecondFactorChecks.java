package be.bolwerk.identity.factor;

import be.bolwerk.identity.event.SecondFactorRefused;
import be.bolwerk.identity.signin.LoginThrottle;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Every check of a typed second-factor code goes through here — the sign-in step, a password reset and the proof
 * before changing a password or a factor — so that all of them are throttled per account and per address
 * (ASVS 6.3.1) and every wrong code leaves a trace. A six-digit code can be guessed in a million tries and a
 * recovery code is checked against an Argon2 hash, so the throttle is asked before any code is compared.
 *
 * <p>Checks for one account run one after another on a node: otherwise a burst of parallel guesses would all
 * read the throttle before the first failure was counted, and get hundreds of tries instead of the allowance.
 * A check that cannot get its turn within {@link #TURN} is answered as throttled, so a burst holds no thread
 * for long.
 */
@Component
public class SecondFactorChecks {

    public enum Outcome {
        AUTHENTICATOR,
        RECOVERY_CODE,
        WRONG,
        THROTTLED
    }

    /** The outcome, and for {@link Outcome#THROTTLED} how long to wait before trying again. */
    public record Checked(Outcome outcome, Duration retryAfter) {

        public boolean accepted() {
            return outcome == Outcome.AUTHENTICATOR || outcome == Outcome.RECOVERY_CODE;
        }
    }

    static final Duration TURN = Duration.ofSeconds(2);

    /** Lock stripes: accounts share a stripe now and then, which only makes them wait for each other briefly. */
    private static final int STRIPES = 64;

    private final ReentrantLock[] turns = new ReentrantLock[STRIPES];
    private final SecondFactors factors;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    SecondFactorChecks(SecondFactors factors, LoginThrottle throttle, ApplicationEventPublisher events) {
        this.factors = factors;
        this.throttle = throttle;
        this.events = events;
        for (int i = 0; i < STRIPES; i++) {
            turns[i] = new ReentrantLock(true);
        }
    }

    /** How long this account or address must still wait before typing a code; empty when free. */
    public Optional<Duration> waitFor(String email, String address) {
        return throttle.waitFor(LoginThrottle.Step.SECOND_FACTOR, email, address);
    }

    /**
     * Checks the code (six digits: the authenticator; anything else: a recovery code, used up when right).
     * {@code where} names the form in the audit trail.
     */
    public Checked check(UUID account, String email, String code, String address, String where) {
        ReentrantLock turn =
                turns[Math.floorMod((email == null ? "" : email.strip().toLowerCase(Locale.ROOT)).hashCode(), STRIPES)];
        try {
            if (!turn.tryLock(TURN.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Checked(Outcome.THROTTLED, Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Checked(Outcome.THROTTLED, Duration.ofSeconds(1));
        }
        try {
            return checkInTurn(account, email, code, address, where);
        } finally {
            turn.unlock();
        }
    }

    private Checked checkInTurn(UUID account, String email, String code, String address, String where) {
        Optional<Duration> wait = throttle.refuseWhileWaiting(LoginThrottle.Step.SECOND_FACTOR, email, address);
        if (wait.isPresent()) {
            return new Checked(Outcome.THROTTLED, wait.get());
        }
        Outcome outcome;
        if (code != null && code.strip().matches("\\d{6}")) {
            outcome = factors.acceptTotp(account, code.strip()) ? Outcome.AUTHENTICATOR : Outcome.WRONG;
        } else {
            outcome = factors.acceptRecoveryCode(account, code) ? Outcome.RECOVERY_CODE : Outcome.WRONG;
        }
        if (outcome == Outcome.WRONG) {
            throttle.failed(LoginThrottle.Step.SECOND_FACTOR, email, address);
            events.publishEvent(new SecondFactorRefused(account, email, address, where));
        } else {
            throttle.succeeded(LoginThrottle.Step.SECOND_FACTOR, email, address);
        }
        return new Checked(outcome, Duration.ZERO);
    }
}
