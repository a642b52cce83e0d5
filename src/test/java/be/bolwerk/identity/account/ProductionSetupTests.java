package be.bolwerk.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.SignIn;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A production installation from nothing, with the {@code prod} profile on PostgreSQL (the profile refuses H2,
 * so this runs in the PostgreSQL run only): an empty schema of its own, no demo data; the first-run command
 * issues the platform admin's link; the admin sets a password, enrols an authenticator from the secret the page
 * shows, and invites a programme officer, who accepts from the mail in the outbox, enrols, signs in with
 * password and code and lands on the programme officer's home page.
 */
@SpringBootTest(
        properties = {
            // Test-only values, not the demo ones: the prod profile refuses those.
            "bolwerk.audittrail.key=test-only-audit-trail-key-for-the-setup-test-0123456789",
            "bolwerk.identity.secret-key=test-only-identity-secret-key-for-the-setup-test-0123456789",
            "bolwerk.incident.on-call-address=crt-wacht@setup-test.example",
            "bolwerk.incident.hotline=+32 2 555 01 23"
        })
@AutoConfigureMockMvc
@ActiveProfiles("prod")
@EnabledIfSystemProperty(named = "bolwerk.test.database", matches = "PostgreSQL")
class ProductionSetupTests {

    private static final String SCHEMA = "bolwerk_setup_test";
    private static final String COOKIE = "__Host-" + SignIn.COOKIE;
    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");
    private static final Pattern SECRET = Pattern.compile("class=\"secret\">([A-Z2-7]+)<");

    /** Starts from an empty schema, whatever an earlier run left behind. */
    @BeforeAll
    static void emptySchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        System.getProperty("spring.datasource.url"),
                        System.getProperty("spring.datasource.username"),
                        System.getProperty("spring.datasource.password"));
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        String url = System.getProperty("spring.datasource.url", "");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final CreatePlatformAdminCommand command;

    ProductionSetupTests(
            @Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired CreatePlatformAdminCommand command) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.command = command;
    }

    @Test
    void anEmptyInstallationGetsItsFirstAdminWhoInvitesAProgrammeOfficer() throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account")
                        .query(Long.class)
                        .single())
                .as("no demo accounts in prod")
                .isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = command.execute(
                new DefaultApplicationArguments("--create-platform-admin", "beheer@example.org"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        String adminToken = token(printed.toString(StandardCharsets.UTF_8));

        mvc.perform(https(get("/invitation/" + adminToken)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Platformbeheerder")));
        String adminPassword = "zeven zwanen zwemmen in de vijver";
        acceptAsNew(adminToken, "Bea Beheer", adminPassword);
        Cookie admin = enrolAtFirstSignIn("beheer@example.org", adminPassword);

        mvc.perform(https(post("/admin/users/invite"))
                        .cookie(admin)
                        .param("email", "programma@example.org")
                        .param("persona", "PROGRAMME_OFFICER")
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        String mail = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'programma@example.org'")
                .query(String.class)
                .single();
        String officerPassword = "twaalf treinen rijden naar het zuiden";
        acceptAsNew(token(mail), "Pim Programma", officerPassword);
        enrolAtFirstSignIn("programma@example.org", officerPassword);

        Cookie officer = signIn("programma@example.org", officerPassword);
        DemoTotp.forgetUsedCodes(jdbc, "programma@example.org");
        MockHttpServletResponse second = mvc.perform(https(post("/mfa/code"))
                        .cookie(officer)
                        .param("code", DemoTotp.currentCodeOf(secretOf("programma@example.org")))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(second.getRedirectedUrl()).isEqualTo("/");
        Cookie full = second.getCookie(COOKIE) != null ? second.getCookie(COOKIE) : officer;
        mvc.perform(https(get("/")).cookie(full))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Organisaties in het programma")));
        assertThat(jdbc.sql("SELECT event_type FROM audit_event ORDER BY seq")
                        .query(String.class)
                        .list())
                .contains(
                        "PLATFORM_ADMIN_ENROLMENT_ISSUED",
                        "PERSONA_GRANTED",
                        "PERSONA_INVITED",
                        "AUTHENTICATOR_ENROLLED");
    }

    private static MockHttpServletRequestBuilder https(MockHttpServletRequestBuilder request) {
        return request.secure(true);
    }

    private static String token(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a link in %s", text).isTrue();
        return link.group(1);
    }

    private void acceptAsNew(String token, String name, String password) throws Exception {
        mvc.perform(https(post("/invitation/" + token))
                        .param("displayName", name)
                        .param("password", password)
                        .param("confirmation", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?invited"));
    }

    private Cookie signIn(String email, String password) throws Exception {
        Cookie session = mvc.perform(https(post("/login"))
                        .param("email", email)
                        .param("password", password)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getCookie(COOKIE);
        assertThat(session).as("signed in as %s", email).isNotNull();
        return session;
    }

    /** The secret the enrolment page showed, read back from the page the person saw. */
    private final java.util.Map<String, String> shownSecrets = new java.util.HashMap<>();

    private String secretOf(String email) {
        return shownSecrets.get(email);
    }

    /** Password step, then the enrolment page's secret into "the app", then the first code: fully signed in. */
    private Cookie enrolAtFirstSignIn(String email, String password) throws Exception {
        Cookie session = signIn(email, password);
        String page = mvc.perform(https(get("/mfa")).cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the enrolment page shows the secret").isTrue();
        shownSecrets.put(email, secret.group(1));
        MockHttpServletResponse enrolled = mvc.perform(https(post("/mfa/enrol"))
                        .cookie(session)
                        .param("code", DemoTotp.currentCodeOf(secret.group(1)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(enrolled.getContentAsString()).contains("herstelcode");
        return enrolled.getCookie(COOKIE) != null ? enrolled.getCookie(COOKIE) : session;
    }
}
