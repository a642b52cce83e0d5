package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.signin.LoginThrottle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A burst of parallel guesses for one account gets no more tries than guesses one after another: the checks
 * take turns, so each sees the failures counted before it (ASVS 6.3.1).
 */
@SpringBootTest
class SecondFactorBurstTests {

    private static final int GUESSES = 24;

    @Test
    void parallelWrongCodesForOneAccountAreCheckedNoMoreThanTheAllowance(
            @Autowired SecondFactorChecks checks, @Autowired TestAccounts testAccounts) throws Exception {
        UserAccount account = testAccounts.create("salvo", "Sam Salvo", "een lange zin als wachtwoord");
        String wrong = DemoTotp.wrongCode();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        List<Future<SecondFactorChecks.Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < GUESSES; i++) {
                // Each guess from another address, as a botnet would send them: only the account counter holds.
                String address = "192.0.2." + (i + 1);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return checks.check(account.id(), account.email(), wrong, address, "test")
                            .outcome();
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<SecondFactorChecks.Outcome> outcome : outcomes) {
                SecondFactorChecks.Outcome result = outcome.get();
                assertThat(result).isIn(SecondFactorChecks.Outcome.WRONG, SecondFactorChecks.Outcome.THROTTLED);
                if (result == SecondFactorChecks.Outcome.WRONG) {
                    checked++;
                }
            }
            // Fewer only when a turn took longer than SecondFactorChecks.TURN on a busy machine.
            assertThat(checked).isBetween(1, LoginThrottle.ACCOUNT_ALLOWANCE);
        } finally {
            pool.shutdownNow();
        }
    }
}
