package be.bolwerk.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.AuditSentences;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Throttling of password guessing. Each test signs in from an address of its own, so the per-address count of
 * one test never blocks another (all MockMvc requests would otherwise come from 127.0.0.1).
 */
@SpringBootTest
@AutoConfigureMockMvc
public class LoginThrottleTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final LoginThrottle throttle;

    LoginThrottleTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired LoginThrottle throttle) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    private ResultActions signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    private static String address() {
        return "10.66." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);
    }

    @Test
    void waitsGrowAndHaveACeiling() {
        assertThat(LoginThrottle.waitAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.waitAfter(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.waitAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(LoginThrottle.waitAfter(50)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void accountWaitsAfterRepeatedFailuresEvenWithTheRightPassword() throws Exception {
        String address = address();
        for (int i = 0; i < LoginThrottle.ACCOUNT_ALLOWANCE; i++) {
            signIn("medewerker@appelkerke.invalid", "wrong-password-" + i, address)
                    .andExpect(redirectedUrl("/login?error"));
        }

        signIn("medewerker@appelkerke.invalid", SecurityTests.DEMO_PASSWORD, address())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(forwardedUrl("/login/throttled"))
                .andExpect(unauthenticated());

        // Nothing is locked for good: once the wait is over, the right password works and clears the count.
        jdbc.sql("UPDATE login_throttle SET blocked_until = NULL WHERE throttle_key = :key")
                .param("key", LoginThrottle.accountKey("medewerker@appelkerke.invalid"))
                .update();
        signIn("medewerker@appelkerke.invalid", SecurityTests.DEMO_PASSWORD, address())
                .andExpect(authenticated());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key = :key")
                        .param("key", LoginThrottle.accountKey("medewerker@appelkerke.invalid"))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownAccountsAreThrottledExactlyLikeKnownOnes() throws Exception {
        String unknown = "niemand-" + UUID.randomUUID() + "@nergens.invalid";
        String address = address();
        for (int i = 0; i < LoginThrottle.ACCOUNT_ALLOWANCE; i++) {
            signIn(unknown, "wrong-password-" + i, address).andExpect(redirectedUrl("/login?error"));
        }

        signIn(unknown, "wrong-password-x", address())
                .andExpect(status().isTooManyRequests())
                .andExpect(forwardedUrl("/login/throttled"));
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedDown() throws Exception {
        String address = address();
        for (int i = 0; i < LoginThrottle.ADDRESS_ALLOWANCE; i++) {
            signIn("gok-" + i + "-" + UUID.randomUUID() + "@nergens.invalid", "wrong-password", address)
                    .andExpect(redirectedUrl("/login?error"));
        }

        signIn("lezer@appelkerke.invalid", SecurityTests.DEMO_PASSWORD, address)
                .andExpect(status().isTooManyRequests());
        signIn("lezer@appelkerke.invalid", SecurityTests.DEMO_PASSWORD, address())
                .andExpect(authenticated());
    }

    @Test
    void refusedSignInsAreSummarisedInTheAuditTrailNotOneRowEach() throws Exception {
        String unknown = "stormram-" + UUID.randomUUID() + "@nergens.invalid";
        String address = address();
        for (int i = 0; i < LoginThrottle.ACCOUNT_ALLOWANCE; i++) {
            signIn(unknown, "wrong-password-" + i, address).andExpect(redirectedUrl("/login?error"));
        }
        for (int i = 0; i < 10; i++) {
            signIn(unknown, "wrong-password-x", address).andExpect(status().isTooManyRequests());
        }

        // The first refusal is reported at once; the next nine wait for the summary.
        assertThat(refusals(unknown))
                .singleElement()
                .asString()
                .startsWith("1 poging(en) bij het wachtwoord tegengehouden tussen");

        // The next attempt that is let through writes what was counted meanwhile, as one row.
        jdbc.sql("UPDATE login_throttle SET blocked_until = NULL WHERE throttle_key = :key")
                .param("key", LoginThrottle.accountKey(unknown))
                .update();
        signIn(unknown, "wrong-password-y", address).andExpect(redirectedUrl("/login?error"));
        assertThat(refusals(unknown))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("9 poging(en) bij het wachtwoord tegengehouden tussen");
        assertThat(jdbc.sql(
                                "SELECT client_address FROM audit_event WHERE event_type = 'SIGN_IN_REFUSED' AND actor = :a")
                        .param("a", unknown)
                        .query(String.class)
                        .list())
                .containsOnly(address);
    }

    private java.util.List<String> refusals(String account) {
        return jdbc
                .sql("SELECT details FROM audit_event WHERE event_type = 'SIGN_IN_REFUSED' AND actor = :a ORDER BY seq")
                .param("a", account)
                .query(String.class)
                .list()
                .stream()
                .map(AuditSentences::dutch)
                .toList();
    }

    /**
     * Two sign-ins failing at the same moment on an account that has no count yet both try to create its row. On
     * PostgreSQL the loser's duplicate key used to abort its transaction, so its failure was lost (or answered
     * with a 500); both must count. Several fresh accounts make the collision all but certain.
     */
    @Test
    void twoThreadsFailingAtOnceOnTheSameAccountAreBothCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String email = "race-" + UUID.randomUUID() + "@test.invalid";
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> attempts = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    String address = address();
                    attempts.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        throttle.failed(LoginThrottle.Step.PASSWORD, email, address);
                        return null;
                    }));
                }
                for (Future<?> attempt : attempts) {
                    attempt.get(30, TimeUnit.SECONDS); // rethrows what the thread threw
                }
                assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = :key")
                                .param("key", LoginThrottle.accountKey(email))
                                .query(Integer.class)
                                .single())
                        .as("failures counted for %s", email)
                        .isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
