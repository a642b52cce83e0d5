package be.bolwerk.identity;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.factor.SecondFactors;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Stored accounts for tests that sign in for real: a unique address, the given password, and the demo
 * authenticator already confirmed, so {@link SignIn#bothSteps} works for them. Organisation memberships are
 * added with {@link UserAccount#join} before {@link #save}.
 */
@Component
public class TestAccounts {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecondFactors factors;

    TestAccounts(UserAccounts accounts, PasswordEncoder passwords, SecondFactors factors) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.factors = factors;
    }

    /** A new, unsaved account; the caller may add memberships, then {@link #save} it. */
    public UserAccount unsaved(String prefix, String displayName, String password) {
        return UserAccount.open(
                prefix + "-" + UUID.randomUUID() + "@test.invalid",
                displayName,
                passwords.encode(password),
                Instant.now());
    }

    public UserAccount save(UserAccount account) {
        accounts.save(account);
        factors.enrolConfirmed(account.id(), DemoTotp.SECRET);
        return account;
    }

    public UserAccount create(String prefix, String displayName, String password) {
        return save(unsaved(prefix, displayName, password));
    }
}
