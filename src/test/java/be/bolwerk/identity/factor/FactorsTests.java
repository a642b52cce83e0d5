package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.signin.LoginThrottle;
import jakarta.servlet.http.Cookie;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person's own factors (ASVS 6.3.3, 7.5.1): nothing changes without the password and a code again, and each
 * change does what it says — new recovery codes replace the old, a new app replaces the old one only when it
 * is confirmed, a passkey is registered and removed only after the proof — and lands in the audit trail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FactorsTests {

    private static final String PASSWORD = "een lange zin als wachtwoord";
    private static final Pattern RECOVERY_CODE = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    private final MockMvc mvc;
    private final TestAccounts testAccounts;
    private final JdbcClient jdbc;
    private final SecondFactors factors;
    private final Totp totp;
    private final SecretCipher cipher;

    FactorsTests(
            @Autowired MockMvc mvc,
            @Autowired TestAccounts testAccounts,
            @Autowired JdbcClient jdbc,
            @Autowired SecondFactors factors,
            @Autowired Totp totp,
            @Autowired SecretCipher cipher) {
        this.cipher = cipher;
        this.mvc = mvc;
        this.testAccounts = testAccounts;
        this.jdbc = jdbc;
        this.factors = factors;
        this.totp = totp;
    }

    private record Person(UserAccount account, Cookie session) {}

    private Person signedIn() throws Exception {
        UserAccount account = testAccounts.create("factoren", "Fien Factor", PASSWORD);
        return new Person(account, SignIn.bothSteps(mvc, jdbc, account.email(), PASSWORD));
    }

    private void prove(Person person) throws Exception {
        DemoTotp.forgetUsedCodes(jdbc, person.account().email());
        mvc.perform(post("/account/factors/proof")
                        .param("password", PASSWORD)
                        .param("code", DemoTotp.currentCode())
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/factors"));
    }

    private long audited(String type, Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = :type AND actor = :email")
                .param("type", type)
                .param("email", person.account().email())
                .query(Long.class)
                .single();
    }

    private String passkeyOf(Person person, String label) {
        String entity = "ent-" + UUID.randomUUID();
        String credential = "cred-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO user_entities (id, name, display_name) VALUES (:id, :email, :email)")
                .param("id", entity)
                .param("email", person.account().email())
                .update();
        jdbc.sql("""
                        INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key,
                            backup_eligible, backup_state, label)
                        VALUES (:id, :entity, :key, FALSE, FALSE, :label)
                        """)
                .param("id", credential)
                .param("entity", entity)
                .param("key", new byte[] {1, 2, 3})
                .param("label", label)
                .update();
        return credential;
    }

    private long passkeysOf(Person person) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id
                        WHERE e.name = :email
                        """)
                .param("email", person.account().email())
                .query(Long.class)
                .single();
    }

    @Test
    void withoutAFreshProofNothingChanges() throws Exception {
        Person person = signedIn();
        String passkey = passkeyOf(person, "Laptop");

        mvc.perform(get("/account/factors").cookie(person.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Eerst bevestigen dat u het bent")))
                .andExpect(content().string(containsString("Laptop")));
        mvc.perform(post("/account/factors/recovery-codes")
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/factors"))
                .andExpect(flash().attribute("problem", "factors.proof.required"));
        mvc.perform(post("/account/factors/authenticator")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/factors"));
        mvc.perform(post("/account/factors/passkeys/{id}/delete", passkey)
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/factors"));
        // Spring Security's registration endpoint is behind the same proof, even for a fully signed-in person.
        mvc.perform(post("/webauthn/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(factors.unusedRecoveryCodes(person.account().id())).isZero();
        assertThat(jdbc.sql("SELECT replacement_secret FROM totp_enrolment WHERE user_account_id = :id")
                        .param("id", person.account().id())
                        .query(String.class)
                        .optional())
                .isEmpty();
        assertThat(passkeysOf(person)).isEqualTo(1);
    }

    @Test
    void aWrongProofIsRefusedWithTheReasonAndCountsTowardsTheThrottle() throws Exception {
        Person person = signedIn();
        DemoTotp.forgetUsedCodes(jdbc, person.account().email());

        mvc.perform(post("/account/factors/proof")
                        .param("password", "niet mijn wachtwoord")
                        .param("code", DemoTotp.currentCode())
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit is niet uw huidige wachtwoord.")));
        mvc.perform(post("/account/factors/proof")
                        .param("password", PASSWORD)
                        .param("code", "000000")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze code klopt niet of werd al gebruikt.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key = :key")
                        .param("key", LoginThrottle.accountKey(person.account().email()))
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(post("/account/factors/recovery-codes")
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "factors.proof.required"));
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() throws Exception {
        Person person = signedIn();
        prove(person);

        mvc.perform(post("/account/factors/recovery-codes")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "users.confirmFirst"));
        List<String> first = codesFrom(mvc.perform(post("/account/factors/recovery-codes")
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        List<String> second = codesFrom(mvc.perform(post("/account/factors/recovery-codes")
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(first).hasSize(SecondFactors.RECOVERY_CODES);
        assertThat(second).hasSize(SecondFactors.RECOVERY_CODES).doesNotContainAnyElementsOf(first);
        assertThat(factors.acceptRecoveryCode(person.account().id(), first.get(0)))
                .isFalse();
        assertThat(factors.acceptRecoveryCode(person.account().id(), second.get(0)))
                .isTrue();
        assertThat(audited("RECOVERY_CODES_RENEWED", person)).isEqualTo(2);
    }

    private static List<String> codesFrom(String html) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = RECOVERY_CODE.matcher(html);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    @Test
    void aNewAppReplacesTheOldOneOnlyOnceItsCodeIsConfirmed() throws Exception {
        Person person = signedIn();
        UUID id = person.account().id();
        prove(person);

        mvc.perform(post("/account/factors/authenticator")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/png;base64,")));
        String stored = jdbc.sql("SELECT replacement_secret FROM totp_enrolment WHERE user_account_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        String replacement = cipher.open(stored);
        assertThat(stored).as("stored encrypted").startsWith("v1:").doesNotContain(replacement);
        assertThat(replacement).isNotEqualTo(DemoTotp.SECRET);

        mvc.perform(post("/account/factors/authenticator/confirm")
                        .param("code", DemoTotp.currentCode())
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze code klopt niet")));
        assertThat(factors.enrolment(id).orElseThrow().secret()).isEqualTo(DemoTotp.SECRET);

        mvc.perform(post("/account/factors/authenticator/confirm")
                        .param("code", totp.codeAt(replacement, totp.currentStep()))
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/factors"))
                .andExpect(flash().attribute("notice", "factors.authenticator.replaced"));

        assertThat(factors.enrolment(id).orElseThrow().secret()).isEqualTo(replacement);
        DemoTotp.forgetUsedCodes(jdbc, person.account().email());
        assertThat(factors.acceptTotp(id, DemoTotp.currentCode())).isFalse();
        assertThat(audited("AUTHENTICATOR_REPLACED", person)).isEqualTo(1);
        // The proof is used up by the change: the next change asks again.
        mvc.perform(post("/account/factors/authenticator")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "factors.proof.required"));
    }

    @Test
    void afterTheProofTheBrowserMayRegisterAPasskeyForItsOwnAccount() throws Exception {
        Person person = signedIn();
        prove(person);

        mvc.perform(post("/webauthn/register/options").cookie(person.session()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rp.id").value("localhost"))
                .andExpect(jsonPath("$.user.name").value(person.account().email()));
        // Past authorisation now; an empty body is refused by the registration itself, not with a 500.
        mvc.perform(post("/webauthn/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/webauthn/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publicKey\":{\"label\":\"x\",\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\","
                                + "\"type\":\"public-key\",\"response\":{\"attestationObject\":\"AAAA\","
                                + "\"clientDataJSON\":\"AAAA\"}}}}")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(passkeysOf(person)).isZero();
    }

    @Test
    void springsOwnPasskeyDeleteEndpointStaysClosed() throws Exception {
        Person person = signedIn();
        String passkey = passkeyOf(person, "Sleutel");
        prove(person);

        mvc.perform(delete("/webauthn/register/{id}", passkey)
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(passkeysOf(person)).isEqualTo(1);
    }

    @Test
    void aPasskeyIsRemovedAfterProofAndConfirmation() throws Exception {
        Person person = signedIn();
        String passkey = passkeyOf(person, "Sleutel <b>portefeuille</b>");
        prove(person);

        mvc.perform(get("/account/factors").cookie(person.session()))
                .andExpect(content().string(containsString("Sleutel &lt;b&gt;portefeuille&lt;/b&gt;")));
        mvc.perform(post("/account/factors/passkeys/{id}/delete", passkey)
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "users.confirmFirst"));
        assertThat(passkeysOf(person)).isEqualTo(1);

        mvc.perform(post("/account/factors/passkeys/{id}/delete", passkey)
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "factors.passkey.removed"));
        assertThat(passkeysOf(person)).isZero();
        assertThat(audited("PASSKEY_REMOVED", person)).isEqualTo(1);

        mvc.perform(post("/account/factors/passkeys/{id}/delete", passkey)
                        .param("confirmed", "true")
                        .cookie(person.session())
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdminResetRemovesPasskeysToo() throws Exception {
        Person person = signedIn();
        passkeyOf(person, "Laptop");

        factors.reset(person.account().id());

        assertThat(passkeysOf(person)).isZero();
        assertThat(factors.enrolment(person.account().id())).isEmpty();
    }

    @Test
    void thePasskeyStepNeedsThePasswordFirstAndAValidSignature() throws Exception {
        mvc.perform(post("/login/webauthn")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(csrf()))
                .andExpect(status().isUnauthorized());

        UserAccount account = testAccounts.create("passkeystap", "Pieter Passkey", PASSWORD);
        Cookie passwordOnly = SignIn.passwordOnly(mvc, account.email(), PASSWORD);
        mvc.perform(post("/webauthn/authenticate/options").cookie(passwordOnly).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenge").isNotEmpty());
        mvc.perform(post("/login/webauthn")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"credType\":\"public-key\",\"response\":"
                                        + "{\"authenticatorData\":\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\"}}")
                        .cookie(passwordOnly)
                        .with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/").cookie(passwordOnly)).andExpect(redirectedUrlPattern("/mfa?*"));
    }
}
