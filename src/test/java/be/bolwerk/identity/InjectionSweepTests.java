package be.bolwerk.identity;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every text field of the identity and audit pages (issue 3) gets SQL-injection, markup, template, oversized
 * and control-character payloads. None may cause a server error, none may come back as live markup, and the
 * tables the SQL payloads aim at must still be there. Fields whose value is stored are checked for the
 * verbatim value in their own tests (token name, login name in the trail, passkey label).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InjectionSweepTests {

    static final List<String> PAYLOADS = be.bolwerk.TestPayloads.ALL;

    private static final String LIVE_MARKUP = "<script>alert('xss')</script>";
    private static final String LIVE_ATTRIBUTE = "<img src=x onerror=alert(1)>";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final CurrentUser admin;
    private final CurrentUser platformAdmin;

    InjectionSweepTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired UserDetailsService users) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.admin = (CurrentUser) users.loadUserByUsername("iso@appelkerke.invalid");
        this.platformAdmin = (CurrentUser) users.loadUserByUsername("beheer@bolwerk.invalid");
    }

    /**
     * The sweep fails sign-ins on purpose, and earlier tests may have too: it starts and ends with no address
     * throttled, so that neither it nor a later test is refused for someone else's failures.
     */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    private record Field(String name, MockHttpServletRequestBuilder request, String parameter) {}

    private List<Field> fields(Cookie passwordOnly) {
        String org = DemoOrganisationIds.APPELKERKE.toString();
        List<Field> fields = new ArrayList<>();
        for (String p : List.of("email", "password")) {
            fields.add(new Field(
                    "login " + p, post("/login").param("email", "x@y.invalid").param("password", "x"), p));
        }
        fields.add(new Field("second step code", post("/mfa/code").cookie(passwordOnly), "code"));
        fields.add(new Field("enrolment code", post("/mfa/enrol").cookie(passwordOnly), "code"));
        fields.add(new Field("reset request", post("/password-reset"), "email"));
        for (String p : List.of("newPassword", "confirmation", "code")) {
            fields.add(new Field("reset " + p, post("/password-reset/" + "A".repeat(43)), p));
        }
        for (String p : List.of("displayName", "password", "confirmation")) {
            fields.add(new Field("invitation " + p, post("/invitation/" + "A".repeat(43)), p));
        }
        for (String p : List.of("currentPassword", "code", "newPassword", "confirmation")) {
            fields.add(new Field("password " + p, post("/account/password").with(signedIn(admin)), p));
        }
        for (String p : List.of("name", "validityDays", "scope")) {
            fields.add(new Field(
                    "token " + p,
                    post("/account/tokens")
                            .param("name", "t")
                            .param("scope", "READ")
                            .param("validityDays", "30")
                            .with(signedIn(admin)),
                    p));
        }
        for (String p : List.of("password", "code")) {
            fields.add(new Field(
                    "factors proof " + p, post("/account/factors/proof").with(signedIn(admin)), p));
        }
        fields.add(new Field(
                "new app code", post("/account/factors/authenticator/confirm").with(signedIn(admin)), "code"));
        for (String p : List.of("email", "organisationId", "role")) {
            fields.add(new Field(
                    "invite " + p,
                    post("/members/invite")
                            .param("organisationId", org)
                            .param("email", "n@y.invalid")
                            .param("role", "MEMBER")
                            .with(signedIn(admin)),
                    p));
        }
        fields.add(new Field("users search", get("/admin/users").with(signedIn(platformAdmin)), "q"));
        fields.add(new Field("users page", get("/admin/users").with(signedIn(platformAdmin)), "page"));
        for (String p : List.of("actor", "type", "organisation", "from", "to", "page")) {
            fields.add(new Field("audit " + p, get("/admin/audit").with(signedIn(platformAdmin)), p));
            fields.add(new Field(
                    "audit export " + p, get("/admin/audit/export.jsonl").with(signedIn(platformAdmin)), p));
        }
        return fields;
    }

    @Test
    void noPayloadInAnyFieldCausesAServerErrorOrComesBackAsMarkup() throws Exception {
        List<String> problems = new ArrayList<>();
        int requests = 0;
        // Signed in once, before the sweep's own failed sign-ins could throttle the address.
        Cookie passwordOnly = SignIn.passwordOnly(mvc, "programma@bolwerk.invalid", "bolwerk-demo-2026");
        assertThat(passwordOnly).as("password step of the programme officer").isNotNull();
        for (String payload : PAYLOADS) {
            for (Field field : fields(passwordOnly)) {
                MockHttpServletResponse response = mvc.perform(field.request()
                                .param(field.parameter(), payload)
                                .with(csrf()))
                        .andReturn()
                        .getResponse();
                requests++;
                String body = response.getContentAsString();
                String shown = payload.length() > 40 ? payload.substring(0, 40) + "…" : payload;
                if (response.getStatus() >= 500) {
                    problems.add(field.name() + " answered " + response.getStatus() + " to " + shown);
                }
                // JSON (the SIEM export) carries stored text verbatim by design; only HTML could run it.
                boolean html = response.getContentType() != null
                        && response.getContentType().contains("html");
                if (html && (body.contains(LIVE_MARKUP) || body.contains(LIVE_ATTRIBUTE))) {
                    problems.add(field.name() + " returned live markup for " + shown);
                }
                if (response.getHeader("Set-Cookie") != null
                        && response.getHeader("Set-Cookie").contains("evil=")) {
                    problems.add(field.name() + " let a header through for " + shown);
                }
            }
        }
        assertThat(problems).as("after %d requests", requests).isEmpty();
        assertThat(requests).isGreaterThan(300);
        for (String table : List.of("user_account", "totp_enrolment", "audit_event", "api_token", "invitation")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table)
                            .query(Long.class)
                            .single())
                    .as("table %s still exists", table)
                    .isNotNegative();
        }
        assertThat(Map.of(
                        "accounts",
                        jdbc.sql("SELECT COUNT(*) FROM user_account")
                                .query(Long.class)
                                .single()))
                .extractingByKey("accounts")
                .isNotEqualTo(0L);
    }
}
