package be.bolwerk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    AccountSessionsTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private Cookie signIn(String email) throws Exception {
        return SignIn.bothSteps(mvc, jdbc, email, SecurityTests.DEMO_PASSWORD);
    }

    private static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    @Test
    void aPersonEndsTheirOtherSessionAndItStopsWorking() throws Exception {
        Cookie laptop = signIn("begeleider@hogeschool.invalid");
        Cookie phone = signIn("begeleider@hogeschool.invalid");

        String page = mvc.perform(get("/account/sessions").cookie(laptop))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Deze sessie", "/account/sessions/" + sessionId(phone) + "/end");

        mvc.perform(post("/account/sessions/" + sessionId(phone) + "/end")
                        .cookie(laptop)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/sessions"));

        mvc.perform(get("/").cookie(phone)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(laptop)).andExpect(status().isOk());
    }

    @Test
    void someoneElsesSessionCannotBeEnded() throws Exception {
        Cookie mine = signIn("student@hogeschool.invalid");
        Cookie theirs = signIn("redactie@vereniging.invalid");

        mvc.perform(post("/account/sessions/" + sessionId(theirs) + "/end")
                        .cookie(mine)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/").cookie(theirs)).andExpect(status().isOk());
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
        mvc.perform(get("/").cookie(third)).andExpect(status().isOk());
    }

    @Test
    void noSessionOutlivesTheAbsoluteLimitHoweverActive() throws Exception {
        Cookie session = signIn("analist@crt.invalid");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        long thirteenHoursAgo = System.currentTimeMillis() - 13 * 3_600_000L;
        jdbc.sql("UPDATE spring_session SET creation_time = :t WHERE session_id = :id")
                .param("t", thirteenHoursAgo)
                .param("id", sessionId(session))
                .update();

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }
}
