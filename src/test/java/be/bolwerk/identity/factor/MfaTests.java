package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.signin.SecurityTests;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every account signs in with its password and a second factor (ASVS 6.3.3), and every code works once. */
@SpringBootTest
@AutoConfigureMockMvc
class MfaTests {

    private static final String ACCOUNT = "analist@crt.invalid";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;

    MfaTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired UserAccounts accounts,
            @Autowired PasswordEncoder passwords) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /** Signs in with the password only and returns the session cookie. */
    private Cookie password(String email, String password) throws Exception {
        MvcResult result = mvc.perform(
                        formLogin("/login").userParameter("email").user(email).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return result.getResponse().getCookie("BOLWERK_SESSION");
    }

    private static Cookie latest(Cookie session, MockHttpServletResponse response) {
        Cookie renewed = response.getCookie("BOLWERK_SESSION");
        return renewed != null ? renewed : session;
    }

    @Test
    void thePasswordAloneOpensNothing() throws Exception {
        Cookie session = password(ACCOUNT, SecurityTests.DEMO_PASSWORD);

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrlPattern("/mfa?*"));
        mvc.perform(get("/organisations").cookie(session)).andExpect(redirectedUrlPattern("/mfa?*"));
        mvc.perform(get("/api/v1/organisations").cookie(session))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theAuthenticatorCodeCompletesSignInAndWorksOnce() throws Exception {
        DemoTotp.forgetUsedCodes(jdbc, ACCOUNT);
        Cookie session = password(ACCOUNT, SecurityTests.DEMO_PASSWORD);
        mvc.perform(get("/organisations").cookie(session)).andExpect(redirectedUrlPattern("/mfa?*"));

        String code = DemoTotp.currentCode();
        MockHttpServletResponse second = mvc.perform(
                        post("/mfa/code").param("code", code).cookie(session).with(csrf()))
                .andExpect(redirectedUrlPattern("**/organisations*"))
                .andReturn()
                .getResponse();
        mvc.perform(get("/").cookie(latest(session, second))).andExpect(status().isOk());

        Cookie again = password(ACCOUNT, SecurityTests.DEMO_PASSWORD);
        mvc.perform(post("/mfa/code").param("code", code).cookie(again).with(csrf()))
                .andExpect(redirectedUrl("/mfa?error"));
        mvc.perform(get("/").cookie(again)).andExpect(redirectedUrlPattern("/mfa?*"));
    }

    @Test
    void aWrongCodeIsRefused() throws Exception {
        Cookie session = password(ACCOUNT, SecurityTests.DEMO_PASSWORD);
        String wrong = DemoTotp.currentCode().equals("000000") ? "111111" : "000000";

        mvc.perform(post("/mfa/code").param("code", wrong).cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/mfa?error"));
        mvc.perform(post("/mfa/code")
                        .param("code", "'; DROP TABLE totp_enrolment; --")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/mfa?error"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrlPattern("/mfa?*"));
    }

    @Test
    void aCodeWithoutThePasswordStepSignsNobodyIn() throws Exception {
        mvc.perform(post("/mfa/code").param("code", DemoTotp.currentCode()).with(csrf()))
                .andExpect(redirectedUrl("/mfa?error"));
        mvc.perform(get("/mfa")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aNewAccountEnrolsAtFirstSignInAndGetsRecoveryCodesThatWorkOnce() throws Exception {
        String email = "nieuw-" + UUID.randomUUID() + "@test.invalid";
        String password = "een lange zin als wachtwoord";
        accounts.save(UserAccount.open(email, "Nieuwe Collega", passwords.encode(password), Instant.now()));
        Cookie session = password(email, password);

        String enrolPage = mvc.perform(get("/mfa").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(enrolPage).contains("data:image/png;base64,", "Authenticator instellen");
        Matcher secret = Pattern.compile("class=\"secret\">([A-Z2-7]+)<").matcher(enrolPage);
        assertThat(secret.find()).isTrue();

        String code = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6)
                .generate(secret.group(1), Clock.systemUTC().instant().getEpochSecond() / 30);
        MockHttpServletResponse confirmed = mvc.perform(
                        post("/mfa/enrol").param("code", code).cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        List<String> recoveryCodes = new ArrayList<>();
        Matcher listed =
                Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>").matcher(confirmed.getContentAsString());
        while (listed.find()) {
            recoveryCodes.add(listed.group(1));
        }
        assertThat(recoveryCodes).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
        // An account with neither membership nor persona is sent on to its guest landing (ADR 0043): signed in.
        mvc.perform(get("/").cookie(latest(session, confirmed))).andExpect(redirectedUrl("/guest"));
        assertThat(jdbc.sql("SELECT secret FROM totp_enrolment WHERE user_account_id ="
                                + " (SELECT id FROM user_account WHERE email = :email)")
                        .param("email", email)
                        .query(String.class)
                        .single())
                .as("the secret is stored encrypted")
                .startsWith("v1:")
                .doesNotContain(secret.group(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'AUTHENTICATOR_ENROLLED'"
                                + " AND actor = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Enrolment cannot be repeated once confirmed: a stolen password cannot enrol another app.
        Cookie thief = password(email, password);
        mvc.perform(post("/mfa/enrol").param("code", code).cookie(thief).with(csrf()))
                .andExpect(redirectedUrl("/mfa"));
        assertThat(mvc.perform(get("/mfa").cookie(thief))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("data:image/png");

        // A recovery code stands in for the app, once.
        MockHttpServletResponse recovered = mvc.perform(post("/mfa/code")
                        .param("code", recoveryCodes.get(3))
                        .cookie(thief)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse();
        mvc.perform(get("/").cookie(latest(thief, recovered))).andExpect(redirectedUrl("/guest"));
        Cookie later = password(email, password);
        mvc.perform(post("/mfa/code")
                        .param("code", recoveryCodes.get(3))
                        .cookie(later)
                        .with(csrf()))
                .andExpect(redirectedUrl("/mfa?error"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE used_at IS NULL AND user_account_id = "
                                + "(SELECT id FROM user_account WHERE email = :email)")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(SecondFactors.RECOVERY_CODES - 1);
    }
}
