package be.bolwerk.identity.demo;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.factor.SecondFactors;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: opens the demo accounts (after the demo organisations exist) and prints how to sign in.
 * Accounts that already exist are left alone, so a restart keeps what a demo user changed.
 */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final DemoAccountCatalogue catalogue;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecondFactors factors;
    private final MessageSource messages;

    DemoAccounts(
            DemoAccountCatalogue catalogue,
            UserAccounts accounts,
            PasswordEncoder passwords,
            Clock clock,
            SecondFactors factors,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.factors = factors;
        this.messages = messages;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!catalogue.enabled()) {
            return;
        }
        // One Argon2 hash for every new demo account: they share the published demo password anyway, and
        // hashing it once instead of eleven times takes about a second off the first start.
        String demoPasswordHash = null;
        for (DemoAccountCatalogue.DemoAccount demo : catalogue.accounts()) {
            var existing = accounts.findByEmail(demo.email());
            if (existing.isPresent()) {
                // Accounts from before second factors existed get the demo authenticator too.
                if (factors.enrolment(existing.get().id()).isEmpty()) {
                    factors.enrolConfirmed(existing.get().id(), catalogue.totpSecret());
                }
                continue;
            }
            if (demoPasswordHash == null) {
                demoPasswordHash = passwords.encode(catalogue.password());
            }
            UserAccount account = UserAccount.open(demo.email(), demo.displayName(), demoPasswordHash, clock.instant());
            if (demo.persona() != null) {
                account.grant(demo.persona(), demo.affiliation());
            } else {
                account.join(demo.organisation().value(), demo.role(), clock.instant());
            }
            accounts.save(account);
            factors.enrolConfirmed(account.id(), catalogue.totpSecret());
        }
        // Logins only: the demo password and authenticator secret are on the login page and in the README,
        // never in a log.
        StringBuilder banner = new StringBuilder(
                "\n\n  Bolwerk demo — sign in at /login (the page shows the demo password and authenticator) as:\n");
        catalogue
                .accounts()
                .forEach(a -> banner.append(String.format(
                        "    %-32s %s%n", a.email(), messages.getMessage(a.roleKey(), null, Locale.ENGLISH))));
        log.info(banner.toString());
    }
}
