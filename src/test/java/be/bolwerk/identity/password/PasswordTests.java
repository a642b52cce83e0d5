package be.bolwerk.identity.password;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Password rules (ASVS 6.2), Argon2id storage (11.4.2) and changing one's password after re-authenticating. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordTests {

    private static final String START = "een lange zin als wachtwoord";

    private final MockMvc mvc;
    private final TestAccounts testAccounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy = new PasswordPolicy();

    PasswordTests(
            @Autowired MockMvc mvc,
            @Autowired TestAccounts testAccounts,
            @Autowired JdbcClient jdbc,
            @Autowired PasswordEncoder passwords) {
        this.mvc = mvc;
        this.testAccounts = testAccounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Test
    void policyRefusesShortLongCommonAndSelfReferencingPasswords() {
        assertThat(policy.check("kort", "a@b.invalid")).containsExactly(PasswordPolicy.Violation.TOO_SHORT);
        assertThat(policy.check("x".repeat(129), "a@b.invalid")).containsExactly(PasswordPolicy.Violation.TOO_LONG);
        assertThat(policy.check("123qweasdzxc", "a@b.invalid")).containsExactly(PasswordPolicy.Violation.COMMON);
        assertThat(policy.check("ilse.appelmans-2026!", "ilse.appelmans@appelkerke.invalid"))
                .containsExactly(PasswordPolicy.Violation.CONTEXT);
        assertThat(policy.check("paarden eten graag wortels in de wei", "a@b.invalid"))
                .isEmpty();
        // 64 characters outside ASCII: allowed, and Argon2 (unlike bcrypt's 72 bytes) keeps all of them.
        assertThat(policy.check("ë".repeat(64), "a@b.invalid")).isEmpty();
        assertThat(policy.check("x".repeat(128), "a@b.invalid")).isEmpty();
    }

    @Test
    void newHashesAreArgon2idAndOldBcryptHashesStillWork() {
        String hash = passwords.encode(START);
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches(START, hash)).isTrue();
        assertThat(passwords.matches(
                        START,
                        "{bcrypt}"
                                + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(START)))
                .isTrue();
    }

    private String newAccount() {
        return testAccounts.create("wachtwoord", "Wim Wachtwoord", START).email();
    }

    private Cookie signIn(String email, String password) throws Exception {
        return SignIn.bothSteps(mvc, jdbc, email, password);
    }

    private MockHttpServletRequestBuilder change(
            Cookie session, String current, String code, String next, String again) {
        return post("/account/password")
                .param("currentPassword", current)
                .param("code", code)
                .param("newPassword", next)
                .param("confirmation", again)
                .cookie(session)
                .with(csrf());
    }

    @Test
    void changingThePasswordNeedsTheCurrentPasswordAndAFreshCode() throws Exception {
        String email = newAccount();
        Cookie session = signIn(email, START);
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());

        mvc.perform(change(
                        session,
                        "niet mijn wachtwoord",
                        "000000",
                        "paarden eten graag wortels",
                        "paarden eten graag wortels"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit is niet uw huidige wachtwoord.")));
        DemoTotp.forgetUsedCodes(jdbc, email);
        mvc.perform(change(session, START, "000000", "paarden eten graag wortels", "paarden eten graag wortels"))
                .andExpect(content().string(containsString("Deze code klopt niet of werd al gebruikt.")));

        assertThat(jdbc.sql("SELECT password_hash FROM user_account WHERE email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .satisfies(hash -> assertThat(passwords.matches(START, hash)).isTrue());
    }

    @Test
    void weakNewPasswordsAreRefusedWithDutchReasonsAndNeverEchoed() throws Exception {
        String email = newAccount();
        Cookie session = signIn(email, START);
        DemoTotp.forgetUsedCodes(jdbc, email);

        mvc.perform(change(session, START, DemoTotp.currentCode(), "123qweasdzxc", "iets anders"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Dit wachtwoord staat in de lijst van veelgebruikte wachtwoorden"),
                                containsString("De twee nieuwe wachtwoorden zijn niet gelijk."),
                                not(containsString("123qweasdzxc")),
                                not(containsString(START)))));
    }

    @Test
    void aChangedPasswordWorksTheOldOneNotAndOtherSessionsEnd() throws Exception {
        String email = newAccount();
        Cookie other = signIn(email, START);
        Cookie session = signIn(email, START);
        String next = "paarden eten graag wortels in de wei";
        DemoTotp.forgetUsedCodes(jdbc, email);

        mvc.perform(change(session, START, DemoTotp.currentCode(), next, next))
                .andExpect(redirectedUrl("/account/sessions"));

        mvc.perform(get("/").cookie(other)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/guest"));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(START))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(next))
                .andExpect(authenticated());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'PASSWORD_CHANGED' AND actor = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
