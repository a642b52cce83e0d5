package be.bolwerk.identity.account;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.factor.SecondFactors;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Platform admins deactivate accounts (all sessions end at once) and reset lost second factors, audited. */
@SpringBootTest
@AutoConfigureMockMvc
class UserAdministrationTests {

    private static final String PASSWORD = "een lange zin als wachtwoord";

    private final MockMvc mvc;
    private final TestAccounts testAccounts;
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final SecondFactors factors;
    private final ApiTokens tokens;
    private final CurrentUser admin = TestUsers.persona(Persona.PLATFORM_ADMIN);

    UserAdministrationTests(
            @Autowired MockMvc mvc,
            @Autowired TestAccounts testAccounts,
            @Autowired JdbcClient jdbc,
            @Autowired UserAccounts accounts,
            @Autowired SecondFactors factors,
            @Autowired ApiTokens tokens) {
        this.mvc = mvc;
        this.testAccounts = testAccounts;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.factors = factors;
        this.tokens = tokens;
    }

    private UserAccount newAccount() {
        return testAccounts.create("beheerd", "Bea Beheerd", PASSWORD);
    }

    private Cookie signIn(String email) throws Exception {
        return SignIn.bothSteps(mvc, jdbc, email, PASSWORD);
    }

    @Test
    void deactivatingEndsEverySessionAndTokenAtOnce() throws Exception {
        UserAccount account = newAccount();
        Cookie laptop = signIn(account.email());
        Cookie phone = signIn(account.email());
        String token = tokens.create(account.id(), "script", ApiTokens.Scope.READ, 30);

        mvc.perform(post("/admin/users/" + account.id() + "/deactivate")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        // Still signed in: an account without membership or persona is sent on to /guest (ADR 0043), not to /login.
        mvc.perform(get("/").cookie(laptop)).andExpect(redirectedUrl("/guest"));

        mvc.perform(post("/admin/users/" + account.id() + "/deactivate")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/").cookie(laptop)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(phone)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user(account.email())
                        .password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE event_type = 'ACCOUNT_DEACTIVATED' AND details = :d")
                        .param(
                                "d",
                                Details.about(
                                        Map.of("account", account.id()),
                                        "audit.detail.accountDeactivated",
                                        account.email()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(post("/admin/users/" + account.id() + "/reactivate")
                .with(signedIn(admin))
                .with(csrf()));
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user(account.email())
                        .password(PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void resettingSecondFactorsMakesThePersonEnrolAgain() throws Exception {
        UserAccount account = newAccount();

        mvc.perform(post("/admin/users/" + account.id() + "/reset-factors")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));

        Cookie session = mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user(account.email())
                        .password(PASSWORD))
                .andReturn()
                .getResponse()
                .getCookie("BOLWERK_SESSION");
        mvc.perform(get("/mfa").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Authenticator instellen")));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE event_type = 'SECOND_FACTORS_RESET' AND details = :d")
                        .param(
                                "d",
                                Details.about(
                                        Map.of("account", account.id()),
                                        "audit.detail.secondFactorsReset",
                                        account.email()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void platformAdminsSearchAccountsAndOthersMayNot() throws Exception {
        mvc.perform(get("/admin/users").param("q", "APPELKERKE").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("iso@appelkerke.invalid")));
        mvc.perform(get("/admin/users").param("q", "%").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Geen accounts")));
        for (Persona persona : new Persona[] {Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST}) {
            mvc.perform(get("/admin/users").with(signedIn(TestUsers.persona(persona))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/" + UUID.randomUUID() + "/deactivate")
                            .param("confirmed", "true")
                            .with(signedIn(TestUsers.persona(persona)))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/users/" + UUID.randomUUID() + "/deactivate")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void eachRowCarriesItsActionsAndSentencesInTheReadersLanguage() throws Exception {
        UUID officer = jdbc.sql("SELECT id FROM user_account WHERE email = 'programma@bolwerk.invalid'")
                .query(UUID.class)
                .single();
        mvc.perform(get("/admin/users").param("q", "programma@").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("action=\"/admin/users/" + officer + "/deactivate\""),
                                containsString("action=\"/admin/users/" + officer + "/reset-factors\""),
                                containsString("Programmabeheerder"),
                                containsString(
                                        "Ik bevestig: programma@bolwerk.invalid kan zich niet meer aanmelden"))));
        mvc.perform(get("/admin/users")
                        .param("q", "programma@")
                        .param("lang", "en")
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Programme officer")));
    }
}
