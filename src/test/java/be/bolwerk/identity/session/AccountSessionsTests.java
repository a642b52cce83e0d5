package be.bolwerk.identity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.signin.SecurityTests;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** People see where they are signed in and end sessions; no session outlives the absolute limit. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountSessionsTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final AccountSessions sessions;
    private final TestAccounts testAccounts;

    /**
     * Accounts of this test only (a new instance per test), standing in for the people the test names: the demo
     * accounts collect sessions from other tests of the same run, which would show up in these lists.
     */
    private final Map<String, String> people = new HashMap<>();

    AccountSessionsTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired AccountSessions sessions,
            @Autowired TestAccounts testAccounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.testAccounts = testAccounts;
    }

    /**
     * A fresh account with neither membership nor persona: the home page sends it on to {@code /guest} (ADR 0043),
     * which is how these tests see that the session still works.
     */
    private Cookie signIn(String who) throws Exception {
        String email = people.computeIfAbsent(
                who,
                name -> testAccounts
                        .create(name.substring(0, name.indexOf('@')), "Sessie Tester", SecurityTests.DEMO_PASSWORD)
                        .email());
        return SignIn.bothSteps(mvc, jdbc, email, SecurityTests.DEMO_PASSWORD);
    }

    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    /** The handles of the other sessions, read from the end buttons of the person's own list page. */
    private List<String> otherHandles(Cookie session) throws Exception {
        String page = sessionsPage(session);
        Matcher buttons = END_ACTION.matcher(page);
        List<String> handles = new ArrayList<>();
        while (buttons.find()) {
            handles.add(buttons.group(1));
        }
        return handles;
    }

    private String sessionsPage(Cookie session) throws Exception {
        return mvc.perform(get("/account/sessions").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static final Pattern END_ACTION = Pattern.compile("/account/sessions/([A-Za-z0-9_-]+)/end");

    @Test
    void aPersonEndsTheirOtherSessionAndItStopsWorking() throws Exception {
        Cookie laptop = signIn("begeleider@hogeschool.invalid");
        Cookie phone = signIn("begeleider@hogeschool.invalid");

        assertThat(sessionsPage(laptop)).contains("Deze sessie");
        List<String> handles = otherHandles(laptop);
        assertThat(handles).hasSize(1);

        mvc.perform(post("/account/sessions/" + handles.get(0) + "/end")
                        .cookie(laptop)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"));

        mvc.perform(get("/").cookie(phone)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(laptop)).andExpect(redirectedUrl("/guest"));
    }

    @Test
    void thePageNeverShowsASessionIdAndAHandleIsNoCookie() throws Exception {
        Cookie laptop = signIn("iso@munthove.invalid");
        Cookie phone = signIn("iso@munthove.invalid");

        String page = sessionsPage(laptop);
        assertThat(page).doesNotContain(sessionId(laptop), sessionId(phone), laptop.getValue(), phone.getValue());
        String handle = otherHandles(laptop).get(0);
        assertThat(handle).isNotEqualTo(sessionId(phone));

        // Whoever reads the page (or a URL in a log) cannot use what is there to take over the session.
        String encoded = Base64.getEncoder().encodeToString(handle.getBytes(StandardCharsets.UTF_8));
        for (String value : List.of(handle, encoded)) {
            mvc.perform(get("/").cookie(new Cookie(phone.getName(), value))).andExpect(redirectedUrl("/login"));
        }
        mvc.perform(get("/").cookie(phone)).andExpect(redirectedUrl("/guest"));
    }

    @Test
    void someoneElsesSessionCannotBeEnded() throws Exception {
        Cookie mine = signIn("student@hogeschool.invalid");
        Cookie theirs = signIn("redactie@vereniging.invalid");
        signIn("redactie@vereniging.invalid");
        String theirHandle = otherHandles(theirs).get(0);

        mvc.perform(post("/account/sessions/" + theirHandle + "/end")
                        .cookie(mine)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        // The raw id, which used to address a session, no longer addresses anything.
        mvc.perform(post("/account/sessions/" + sessionId(theirs) + "/end")
                        .cookie(mine)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/").cookie(theirs)).andExpect(redirectedUrl("/guest"));
        assertThat(otherHandles(theirs)).containsExactly(theirHandle);
    }

    @Test
    void theCurrentSessionIsNotEndedByItsHandle() throws Exception {
        Cookie session = signIn("lezer@appelkerke.invalid");
        String own = sessions.handleOf(sessionId(session));

        mvc.perform(post("/account/sessions/" + own + "/end").cookie(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/guest"));
    }

    @Test
    void endingAllOtherSessionsKeepsTheCurrentOne() throws Exception {
        Cookie first = signIn("auditor@auditkantoor.invalid");
        Cookie second = signIn("auditor@auditkantoor.invalid");
        Cookie third = signIn("auditor@auditkantoor.invalid");

        mvc.perform(post("/account/sessions/end-others").cookie(third).with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"));

        mvc.perform(get("/").cookie(first)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(third)).andExpect(redirectedUrl("/guest"));
    }

    @Test
    void noSessionOutlivesTheAbsoluteLimitHoweverActive() throws Exception {
        Cookie session = signIn("analist@crt.invalid");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/guest"));

        long thirteenHoursAgo = System.currentTimeMillis() - 13 * 3_600_000L;
        jdbc.sql("UPDATE spring_session SET creation_time = :t WHERE session_id = :id")
                .param("t", thirteenHoursAgo)
                .param("id", sessionId(session))
                .update();

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }
}
