package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.AuditSentences;
import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.signin.LoginThrottle;
import be.bolwerk.identity.signin.LoginThrottleTests;
import be.bolwerk.identity.signin.ThrottleFilter;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The second factor cannot be guessed (ASVS 6.3.1): wrong codes are throttled per account and per address on
 * every form that checks one, the wait is a 429 with Retry-After during which even the right code is refused,
 * a recovery-code guess costs at most one Argon2 check, and every wrong code and throttled run leaves a trace
 * in the audit trail. Each test uses an address of its own, as in {@link LoginThrottleTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecondFactorThrottleTests {

    private static final String PASSWORD = "een lange zin als wachtwoord";
    private static final String NEW_PASSWORD = "paarden eten graag wortels in de wei";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestAccounts testAccounts;

    SecondFactorThrottleTests(
            @Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired TestAccounts testAccounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.testAccounts = testAccounts;
    }

    private static String address() {
        return "10.77." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Cookie passwordStep(String email, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("email", email)
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from(address)))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie(SignIn.COOKIE);
    }

    private static Cookie latest(Cookie session, MockHttpServletResponse response) {
        Cookie renewed = response.getCookie(SignIn.COOKIE);
        return renewed != null ? renewed : session;
    }

    private List<String> auditDetails(String type, String actor) {
        return jdbc
                .sql("SELECT details FROM audit_event WHERE event_type = :type AND actor = :actor ORDER BY seq")
                .param("type", type)
                .param("actor", actor)
                .query(String.class)
                .list()
                .stream()
                .map(AuditSentences::dutch)
                .toList();
    }

    private void endTheWait(String email) {
        jdbc.sql("UPDATE login_throttle SET blocked_until = NULL WHERE throttle_key = :key")
                .param("key", LoginThrottle.Step.SECOND_FACTOR.accountKey(email))
                .update();
    }

    @Test
    void manyWrongCodesAreThrottledAndEvenTheRightCodeWaits() throws Exception {
        String email = testAccounts.create("gokker", "Gert Gokker", PASSWORD).email();
        String address = address();
        Cookie session = passwordStep(email, address);
        for (int i = 0; i < LoginThrottle.ACCOUNT_ALLOWANCE; i++) {
            codeStep(session, address, DemoTotp.wrongCode()).andExpect(redirectedUrl("/mfa?error"));
        }

        // From another address too: the count is the account's.
        for (String other : List.of(address, address())) {
            codeStep(session, other, DemoTotp.currentCode())
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(forwardedUrl("/mfa/throttled"));
        }
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrlPattern("/mfa?*"));

        // The page the refusal is forwarded to: the second step, saying in Dutch how long to wait.
        mvc.perform(get("/mfa/throttled")
                        .requestAttr(ThrottleFilter.WAIT_ATTRIBUTE, 90L)
                        .cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er waren te veel verkeerde codes. Wacht 2 minuten")))
                .andExpect(content().string(containsString("Tweede stap")));

        // Every wrong code is in the audit trail; the two refused attempts are one summary row.
        assertThat(auditDetails("SECOND_FACTOR_FAILED", email))
                .hasSize(LoginThrottle.ACCOUNT_ALLOWANCE)
                .containsOnly("Verkeerde code bij het aanmelden");
        assertThat(auditDetails("SIGN_IN_REFUSED", email))
                .singleElement()
                .asString()
                .startsWith("1 poging(en) bij de tweede stap tegengehouden");

        // Nothing is locked for good: after the wait the right code works, and the refusals counted since the
        // first report are written as one summary.
        endTheWait(email);
        DemoTotp.forgetUsedCodes(jdbc, email);
        codeStep(session, address, DemoTotp.currentCode())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isNotNull()
                        .doesNotContain("/mfa"));
        assertThat(auditDetails("SIGN_IN_REFUSED", email))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("1 poging(en) bij de tweede stap tegengehouden");
    }

    @Test
    void oneAddressTryingCodesForManyAccountsIsSlowedDown() throws Exception {
        String address = address();
        int perAccount = 2;
        for (int i = 0; i < LoginThrottle.ADDRESS_ALLOWANCE / perAccount; i++) {
            String email = testAccounts.create("spray", "Sam Spray", PASSWORD).email();
            Cookie session = passwordStep(email, address);
            for (int j = 0; j < perAccount; j++) {
                codeStep(session, address, DemoTotp.wrongCode()).andExpect(redirectedUrl("/mfa?error"));
            }
        }

        String fresh = testAccounts.create("spray", "Sam Spray", PASSWORD).email();
        Cookie session = passwordStep(fresh, address);
        codeStep(session, address, DemoTotp.currentCode())
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        // The account itself did nothing wrong: from elsewhere its right code works.
        mvc.perform(post("/mfa/code")
                        .param("code", DemoTotp.currentCode())
                        .cookie(session)
                        .with(csrf())
                        .with(from(address())))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void thePasswordResetCodeIsThrottledAndTheResetIsRecordedForTheAccount() throws Exception {
        String email = testAccounts.create("reset", "Rita Reset", PASSWORD).email();
        String address = address();
        mvc.perform(post("/password-reset").param("email", email).with(csrf()).with(from(address)))
                .andExpect(status().isOk());
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r")
                .param("r", email)
                .query(String.class)
                .single();
        Matcher link = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        for (int i = 0; i < LoginThrottle.ACCOUNT_ALLOWANCE; i++) {
            mvc.perform(post("/password-reset/" + token)
                            .param("newPassword", NEW_PASSWORD)
                            .param("confirmation", NEW_PASSWORD)
                            .param("code", DemoTotp.wrongCode())
                            .with(csrf())
                            .with(from(address)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Deze code klopt niet of werd al gebruikt.")));
        }
        DemoTotp.forgetUsedCodes(jdbc, email);
        mvc.perform(post("/password-reset/" + token)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmation", NEW_PASSWORD)
                        .param("code", DemoTotp.currentCode())
                        .with(csrf())
                        .with(from(address())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Er waren te veel verkeerde codes. Wacht")));
        assertThat(auditDetails("SECOND_FACTOR_FAILED", email))
                .hasSize(LoginThrottle.ACCOUNT_ALLOWANCE)
                .containsOnly("Verkeerde code bij het herstellen van een wachtwoord");
        assertThat(auditDetails("PASSWORD_RESET_REQUESTED", email))
                .containsExactly("Herstellink gevraagd en verstuurd");

        // After the wait the reset goes through, and the trail names whose password it was.
        endTheWait(email);
        mvc.perform(post("/password-reset/" + token)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmation", NEW_PASSWORD)
                        .param("code", DemoTotp.currentCode())
                        .with(csrf())
                        .with(from(address)))
                .andExpect(redirectedUrl("/login?reset"));
        UUID accountId = jdbc.sql("SELECT id FROM user_account WHERE email = :email")
                .param("email", email)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("""
                        SELECT actor_id FROM audit_event WHERE event_type = 'PASSWORD_CHANGED' AND actor = :email
                        """).param("email", email).query(UUID.class).list()).containsExactly(accountId);
    }

    @Test
    void resetRequestsForUnknownAddressesAreRecordedToo() throws Exception {
        String unknown = "niemand-" + UUID.randomUUID() + "@nergens.invalid";
        mvc.perform(post("/password-reset").param("email", unknown).with(csrf()))
                .andExpect(status().isOk());
        assertThat(auditDetails("PASSWORD_RESET_REQUESTED", unknown))
                .singleElement()
                .asString()
                .startsWith("Herstellink gevraagd, niet verstuurd");
    }

    @Test
    void theProofBeforeAChangeIsThrottledOnWrongCodes() throws Exception {
        String email = testAccounts.create("bewijs", "Bert Bewijs", PASSWORD).email();
        String address = address();
        Cookie session = passwordStep(email, address);
        DemoTotp.forgetUsedCodes(jdbc, email);
        session = latest(
                session,
                codeStep(session, address, DemoTotp.currentCode())
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getResponse());
        for (int i = 0; i < LoginThrottle.ACCOUNT_ALLOWANCE; i++) {
            proof(session, address, DemoTotp.wrongCode())
                    .andExpect(content().string(containsString("Deze code klopt niet of werd al gebruikt.")));
        }
        DemoTotp.forgetUsedCodes(jdbc, email);
        proof(session, address, DemoTotp.currentCode())
                .andExpect(content().string(containsString("Er waren te veel mislukte pogingen.")));
        mvc.perform(post("/account/password")
                        .param("currentPassword", PASSWORD)
                        .param("code", DemoTotp.currentCode())
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmation", NEW_PASSWORD)
                        .cookie(session)
                        .with(csrf())
                        .with(from(address)))
                .andExpect(content().string(containsString("Er waren te veel mislukte pogingen.")));
        assertThat(auditDetails("SECOND_FACTOR_FAILED", email))
                .hasSize(LoginThrottle.ACCOUNT_ALLOWANCE)
                .containsOnly("Verkeerde code bij het bevestigen van een gevoelige wijziging");
    }

    @Test
    void aRecoveryCodeGuessCostsAtMostOneHashCheck(
            @Autowired Totp totp,
            @Autowired SecretCipher cipher,
            @Autowired PasswordEncoder passwords,
            @Autowired Clock clock,
            @Autowired ApplicationEventPublisher events) {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwords.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return passwords.matches(raw, encoded);
            }
        };
        SecondFactors factors = new SecondFactors(jdbc, totp, cipher, counting, clock, events);
        UUID account = testAccounts.create("herstel", "Hanne Herstel", PASSWORD).id();
        List<String> codes = new ArrayList<>(factors.renewRecoveryCodes(account));

        for (String first : List.of("a", "b", "c", "d", "e", "f", "g", "h", "j", "k", "m", "n", "p", "2", "3")) {
            checks.set(0);
            assertThat(factors.acceptRecoveryCode(account, first + "xxxx-xxxxx"))
                    .isFalse();
            assertThat(checks.get()).isLessThanOrEqualTo(1);
        }
        checks.set(0);
        assertThat(factors.acceptRecoveryCode(account, codes.get(7))).isTrue();
        assertThat(checks.get()).isEqualTo(1);
        checks.set(0);
        assertThat(factors.acceptRecoveryCode(account, codes.get(7))).isFalse();
        assertThat(checks.get()).isZero();
    }

    /** The password-and-code proof the account pages ask for before a change of factor. */
    private ResultActions proof(Cookie session, String address, String code) throws Exception {
        return mvc.perform(post("/account/factors/proof")
                .param("password", PASSWORD)
                .param("code", code)
                .cookie(session)
                .with(csrf())
                .with(from(address)));
    }

    /** The second step of the sign-in: a code from the authenticator app, from the given address. */
    private ResultActions codeStep(Cookie session, String address, String code) throws Exception {
        return mvc.perform(post("/mfa/code")
                .param("code", code)
                .cookie(session)
                .with(csrf())
                .with(from(address)));
    }
}
