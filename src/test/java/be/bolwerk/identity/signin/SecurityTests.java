package be.bolwerk.identity.signin;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.identity.SignIn;
import be.bolwerk.shared.security.Persona;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sign-in with the demo accounts, security headers, Actuator and OpenAPI access. */
@SpringBootTest
@AutoConfigureMockMvc
public class SecurityTests {

    public static final String DEMO_PASSWORD = "bolwerk-demo-2026";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    SecurityTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void loginPageIsOurOwnAndListsTheDemoAccounts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Aanmelden bij Bolwerk"),
                                containsString("programma@bolwerk.invalid"),
                                containsString("<label for=\"password\">Wachtwoord</label>"))));
    }

    @Test
    void demoAccountSignsInAndLandsOnTheHomePage() throws Exception {
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("programma@bolwerk.invalid")
                        .password(DEMO_PASSWORD))
                .andExpect(authenticated().withRoles("PROGRAMME_OFFICER"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void emailIsMatchedRegardlessOfCase() throws Exception {
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("ISO@Appelkerke.invalid")
                        .password(DEMO_PASSWORD))
                .andExpect(authenticated().withRoles("ORGANISATION_ADMIN"));
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() throws Exception {
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("programma@bolwerk.invalid")
                        .password("wrong-password-123"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("nobody@nowhere.invalid")
                        .password(DEMO_PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("email", "programma@bolwerk.invalid").param("password", DEMO_PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    private Cookie signInAs(String email) throws Exception {
        return SignIn.bothSteps(mvc, jdbc, email, DEMO_PASSWORD);
    }

    @Test
    void logoutInvalidatesTheServerSideSession() throws Exception {
        Cookie session = signInAs("programma@bolwerk.invalid");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        mvc.perform(get("/").cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInIssuesANewHttpOnlySameSiteSessionCookie() throws Exception {
        MvcResult loginPage = mvc.perform(get("/login")).andReturn();
        Cookie anonymous = loginPage.getResponse().getCookie("BOLWERK_SESSION");

        MvcResult signedIn = mvc.perform(post("/login")
                        .param("email", "iso@appelkerke.invalid")
                        .param("password", DEMO_PASSWORD)
                        .cookie(anonymous)
                        .with(csrf()))
                .andExpect(authenticated())
                .andExpect(header().string(
                                "Set-Cookie",
                                allOf(
                                        containsString("BOLWERK_SESSION="),
                                        containsString("HttpOnly"),
                                        containsString("SameSite=Lax"))))
                .andReturn();

        assertThat(anonymous)
                .as("the login page starts a session for its CSRF token")
                .isNotNull();
        assertThat(signedIn.getResponse().getCookie("BOLWERK_SESSION").getValue())
                .isNotEqualTo(anonymous.getValue());
        // 7.2.3: the id in the cookie is 27 random bytes (216 bits), base64url, not a 122-bit UUID.
        String sessionId = new String(
                java.util.Base64.getDecoder()
                        .decode(signedIn.getResponse()
                                .getCookie("BOLWERK_SESSION")
                                .getValue()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sessionId).matches("[A-Za-z0-9_-]{36}");
        assertThat(java.util.Base64.getUrlDecoder().decode(sessionId)).hasSize(27);
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                allOf(
                                        containsString("script-src 'self'"),
                                        containsString("frame-ancestors 'none'"),
                                        containsString("object-src 'none'"),
                                        containsString("base-uri 'none'"),
                                        not(containsString("unsafe-inline")),
                                        not(containsString("unsafe-eval")))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", containsString("camera=()")));
        mvc.perform(get("/").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void apiAndActuatorResponsesCarryTheSameHeaders() throws Exception {
        for (String path : new String[] {"/api/v1/organisations", "/actuator/health"}) {
            mvc.perform(get(path).with(signedIn(TestUsers.programmeOfficer())))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
    }

    @Test
    void healthProbesArePublicAndTheRestOfActuatorIsForPlatformAdmins() throws Exception {
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(signedIn(TestUsers.persona(Persona.PLATFORM_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void openApiDocumentDescribesTheApiForSignedInUsers() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isFound());
        mvc.perform(get("/v3/api-docs").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organisations']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organisations/{id}']").exists());
    }

    @Test
    void englishCanBeChosenAndIsRemembered() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Sign in to Bolwerk")))
                .andExpect(header().string("Set-Cookie", containsString("BOLWERK_LANG=en")));
    }
}
