package be.bolwerk.identity.signin;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.factor.SecondFactorChecks;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Proving again who you are before changing a password or a second factor (ASVS 7.5.1): the current password
 * and a fresh code, checked like a sign-in (wrong passwords and wrong codes count towards their throttles, a
 * code works once).
 * For the factor pages the proof is remembered in the session for a few minutes, long enough to scan a QR code
 * or touch a security key, short enough that an unattended session cannot be used for it later.
 */
@Component
public class Reauthentication {

    static final Duration VALID_FOR = Duration.ofMinutes(5);
    private static final String PROVED_AT = Reauthentication.class.getName() + ".provedAt";

    public enum Failure {
        THROTTLED,
        WRONG_PASSWORD,
        WRONG_CODE
    }

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecondFactorChecks codes;
    private final LoginThrottle throttle;
    private final Clock clock;

    Reauthentication(
            UserAccounts accounts,
            PasswordEncoder passwords,
            SecondFactorChecks codes,
            LoginThrottle throttle,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.codes = codes;
        this.throttle = throttle;
        this.clock = clock;
    }

    public boolean throttled(CurrentUser user, HttpServletRequest request) {
        return throttle.waitFor(user.email(), request.getRemoteAddr()).isPresent()
                || codes.waitFor(user.email(), request.getRemoteAddr()).isPresent();
    }

    /** Empty when the password and the code (authenticator or recovery code) are right. */
    public Optional<Failure> check(CurrentUser user, String password, String code, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        // Both gates before the password: while codes are throttled the form must not test passwords either.
        if (throttle.refuseWhileWaiting(LoginThrottle.Step.PASSWORD, user.email(), address)
                        .isPresent()
                || throttle.refuseWhileWaiting(LoginThrottle.Step.SECOND_FACTOR, user.email(), address)
                        .isPresent()) {
            return Optional.of(Failure.THROTTLED);
        }
        UserAccount account = accounts.findById(user.id()).orElseThrow();
        if (password == null || password.length() > 1000 || !passwords.matches(password, account.passwordHash())) {
            throttle.failed(user.email(), address);
            return Optional.of(Failure.WRONG_PASSWORD);
        }
        return switch (codes.check(user.id(), user.email(), code, address, "proof")
                .outcome()) {
            case AUTHENTICATOR, RECOVERY_CODE -> Optional.empty();
            case THROTTLED -> Optional.of(Failure.THROTTLED);
            case WRONG -> Optional.of(Failure.WRONG_CODE);
        };
    }

    /** {@link #check} and, when it passes, remember the proof in the session. */
    public Optional<Failure> prove(CurrentUser user, String password, String code, HttpServletRequest request) {
        Optional<Failure> failure = check(user, password, code, request);
        if (failure.isEmpty()) {
            request.getSession().setAttribute(PROVED_AT, clock.instant());
        }
        return failure;
    }

    public boolean isRecent(HttpSession session) {
        return session != null
                && session.getAttribute(PROVED_AT) instanceof Instant provedAt
                && provedAt.plus(VALID_FOR).isAfter(clock.instant());
    }

    public void forget(HttpSession session) {
        session.removeAttribute(PROVED_AT);
    }

    /** For Spring Security's passkey registration endpoint, which is a filter and not one of our controllers. */
    AuthorizationManager<RequestAuthorizationContext> recentProof() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(
                    Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                return new AuthorizationDecision(isRecent(context.getRequest().getSession(false)));
            }
        };
    }
}
