package be.bolwerk.identity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.signin.SecurityTests;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page view writes the session's activity only when the stored one is a minute old, and the idle timeout
 * still ends a session nobody used for 30 minutes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionActivityTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestAccounts testAccounts;

    SessionActivityTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired TestAccounts testAccounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.testAccounts = testAccounts;
    }

    @Test
    void aPageViewWithinAMinuteOfTheStoredActivityWritesNothing() throws Exception {
        Cookie session = signIn("binnen-de-minuut");
        long halfAMinuteAgo = System.currentTimeMillis() - 30_000;
        storeActivity(session, halfAMinuteAgo);

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/guest"));

        assertThat(storedActivity(session)).isEqualTo(halfAMinuteAgo);
    }

    @Test
    void aPageViewAfterAMinuteStampsTheActivityAndMovesTheExpiry() throws Exception {
        Cookie session = signIn("na-de-minuut");
        storeActivity(session, System.currentTimeMillis() - 5 * 60_000);
        long before = System.currentTimeMillis();

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/guest"));

        assertThat(storedActivity(session)).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = :id")
                        .param("id", idOf(session))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(before + 29 * 60_000);
    }

    @Test
    void aSessionIdleForLongerThanTheTimeoutHasEnded() throws Exception {
        Cookie session = signIn("te-lang-stil");
        storeActivity(session, System.currentTimeMillis() - 31 * 60_000);

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    /**
     * Any bytes a client base64-encodes into the cookie, a NUL included (PostgreSQL refuses it in a text
     * parameter and used to answer 500), are no session: the person is sent to sign in.
     */
    @Test
    void aCookieThatIsNoSessionIdIsNoSessionWhateverBytesItHolds() throws Exception {
        for (String raw : List.of("abc\u0000def", "x".repeat(36) + "\u0000", "'; DROP TABLE spring_session; --")) {
            String value = Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            mvc.perform(get("/").cookie(new Cookie(SessionConfiguration.COOKIE_NAME, value)))
                    .andExpect(redirectedUrl("/login"));
        }
    }

    /**
     * A fresh account with neither membership nor persona: the home page sends it on to {@code /guest} (ADR 0043),
     * which is how these tests see that the session still works.
     */
    private Cookie signIn(String name) throws Exception {
        String email = testAccounts
                .create(name, "Sessie Tester", SecurityTests.DEMO_PASSWORD)
                .email();
        Cookie session = SignIn.bothSteps(mvc, jdbc, email, SecurityTests.DEMO_PASSWORD);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/guest"));
        return session;
    }

    /** Stores an earlier activity and the expiry that Spring Session derives from it (30 idle minutes). */
    private void storeActivity(Cookie session, long millis) {
        jdbc.sql("UPDATE spring_session SET last_access_time = :t, expiry_time = :e WHERE session_id = :id")
                .param("t", millis)
                .param("e", millis + 30 * 60_000)
                .param("id", idOf(session))
                .update();
    }

    private long storedActivity(Cookie session) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", idOf(session))
                .query(Long.class)
                .single();
    }

    private static String idOf(Cookie session) {
        return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
    }
}
