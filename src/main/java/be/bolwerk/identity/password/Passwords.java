package be.bolwerk.identity.password;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.factor.SecondFactorChecks;
import be.bolwerk.identity.factor.SecondFactors;
import be.bolwerk.identity.session.AccountSessions;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacing a password, by its owner or through a reset link. The callers have checked the policy; here the
 * password, the sessions it ends and (for a reset) the link and the code change in one transaction.
 */
@Service
class Passwords {

    /** How a reset ended; {@code retryAfter} only for {@link Status#THROTTLED}. */
    record ResetResult(Status status, Duration retryAfter) {

        enum Status {
            DONE,
            THROTTLED,
            WRONG_CODE,
            LINK_CLOSED
        }

        static ResetResult of(Status status) {
            return new ResetResult(status, Duration.ZERO);
        }
    }

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;
    private final PasswordResets resets;
    private final SecondFactors factors;
    private final SecondFactorChecks codes;

    Passwords(
            UserAccounts accounts,
            PasswordEncoder passwords,
            AccountSessions sessions,
            PasswordResets resets,
            SecondFactors factors,
            SecondFactorChecks codes) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.resets = resets;
        this.factors = factors;
        this.codes = codes;
    }

    /** The owner, re-authenticated, changes the password; every session but the current one ends. */
    @Transactional
    void change(UUID accountId, String newPassword, String currentSessionId) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        account.changePassword(passwords.encode(newPassword));
        accounts.save(account);
        sessions.endOthers(account.email(), currentSessionId);
    }

    /**
     * Completes a reset: an enrolled account's code is checked last (it is used up when accepted), then the link
     * is used up, the password replaced and every session of the account ends.
     */
    @Transactional
    ResetResult reset(PasswordResets.Open open, String newPassword, String code, String clientAddress) {
        UserAccount account = accounts.findById(open.accountId()).orElseThrow();
        boolean enrolled = factors.enrolment(account.id())
                .map(SecondFactors.Enrolment::confirmed)
                .orElse(false);
        if (enrolled) {
            // Throttled like the sign-in step: the link alone must not let anyone try codes at leisure.
            SecondFactorChecks.Checked checked =
                    codes.check(account.id(), account.email(), code, clientAddress, "password reset");
            if (checked.outcome() == SecondFactorChecks.Outcome.THROTTLED) {
                return new ResetResult(ResetResult.Status.THROTTLED, checked.retryAfter());
            }
            if (!checked.accepted()) {
                return ResetResult.of(ResetResult.Status.WRONG_CODE);
            }
        }
        if (!resets.use(open)) {
            return ResetResult.of(ResetResult.Status.LINK_CLOSED);
        }
        account.resetPassword(passwords.encode(newPassword));
        accounts.save(account);
        sessions.endAll(account.email());
        return ResetResult.of(ResetResult.Status.DONE);
    }
}
