package be.bolwerk.identity;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
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

    DemoAccounts(
            DemoAccountCatalogue catalogue,
            UserAccounts accounts,
            PasswordEncoder passwords,
            Clock clock,
            SecondFactors factors) {
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.factors = factors;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!catalogue.enabled()) {
            return;
        }
        for (DemoAccountCatalogue.DemoAccount demo : catalogue.accounts()) {
            var existing = accounts.findByEmail(demo.email());
            if (existing.isPresent()) {
                // Accounts from before second factors existed get the demo authenticator too.
                if (factors.enrolment(existing.get().id()).isEmpty()) {
                    factors.enrolConfirmed(existing.get().id(), catalogue.totpSecret());
                }
                continue;
            }
            UserAccount account = UserAccount.open(
                    demo.email(), demo.displayName(), passwords.encode(catalogue.password()), clock.instant());
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
        catalogue.accounts().forEach(a -> banner.append(String.format("    %-32s %s%n", a.email(), a.roleKey())));
        log.info(banner.toString());
    }
}
