package be.bolwerk.identity.membership;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Invitations by e-mail through the outbox to a real SMTP server in the test (GreenMail): single-use links that
 * expire, organisation admins of their own organisation only.
 */
@SpringBootTest(
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=3025",
            "bolwerk.notification.delivery-interval=PT0.2S"
        })
@AutoConfigureMockMvc
class InvitationTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "een lange zin als wachtwoord";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestAccounts testAccounts;
    private final UserAccounts accounts;

    InvitationTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired TestAccounts testAccounts,
            @Autowired UserAccounts accounts) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.testAccounts = testAccounts;
        this.accounts = accounts;
    }

    private final CurrentUser appelkerkeAdmin =
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);

    private String invite(String email) throws Exception {
        mvc.perform(post("/members/invite")
                        .param("organisationId", DemoOrganisationIds.APPELKERKE.toString())
                        .param("email", email)
                        .param("role", "MEMBER")
                        .with(signedIn(appelkerkeAdmin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/members"));
        MimeMessage mail = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> Arrays.stream(SMTP.getReceivedMessages())
                                .filter(m -> GreenMailUtil.getHeaders(m).contains(email))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        Matcher link = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})").matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("the mail holds the link").isTrue();
        return link.group(1);
    }

    @Test
    void anInviteeSetsAPasswordOnceAndThenSignsIn() throws Exception {
        String email = "nieuwe.collega-" + UUID.randomUUID() + "@appelkerke.invalid";
        String token = invite(email);

        mvc.perform(get("/invitation/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));
        mvc.perform(post("/invitation/" + token)
                        .param("displayName", "Nieuwe Collega")
                        .param("password", "123qweasdzxc")
                        .param("confirmation", "123qweasdzxc")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("veelgebruikte wachtwoorden")))
                .andExpect(content().string(containsString("value=\"Nieuwe Collega\"")));

        String password = "de bibliotheek gaat om negen uur open";
        mvc.perform(post("/invitation/" + token)
                        .param("displayName", "Nieuwe Collega")
                        .param("password", password)
                        .param("confirmation", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?invited"));

        mvc.perform(formLogin("/login").userParameter("email").user(email).password(password))
                .andExpect(authenticated().withRoles("MEMBER"));
        mvc.perform(post("/invitation/" + token)
                        .param("displayName", "Iemand Anders")
                        .param("password", password)
                        .param("confirmation", password)
                        .with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze uitnodiging werd al aanvaard.")));
    }

    @Test
    void anExpiredLinkExplainsItselfAndCreatesNothing() throws Exception {
        String email = "te.laat-" + UUID.randomUUID() + "@appelkerke.invalid";
        String token = invite(email);
        jdbc.sql("UPDATE invitation SET expires_at = created_at WHERE email = :e")
                .param("e", email)
                .update();

        mvc.perform(get("/invitation/" + token))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze uitnodiging is verlopen")));
        mvc.perform(get("/invitation/" + "x".repeat(43)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze link is onbekend.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAdminsOfTheOrganisationInvite() throws Exception {
        CurrentUser member = TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.MEMBER);
        mvc.perform(post("/members/invite")
                        .param("organisationId", DemoOrganisationIds.APPELKERKE.toString())
                        .param("email", "x@y.invalid")
                        .param("role", "VIEWER")
                        .with(signedIn(member))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/invite")
                        .param("organisationId", DemoOrganisationIds.OCMW_MUNTHOVE.toString())
                        .param("email", "x@y.invalid")
                        .param("role", "ORGANISATION_ADMIN")
                        .with(signedIn(appelkerkeAdmin))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE email = 'x@y.invalid'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badInviteInputKeepsTheFormWithDutchErrors() throws Exception {
        mvc.perform(post("/members/invite")
                        .param("organisationId", DemoOrganisationIds.APPELKERKE.toString())
                        .param("email", "geen adres")
                        .param("role", "MEMBER")
                        .with(signedIn(appelkerkeAdmin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Geef een geldig e-mailadres")))
                .andExpect(content().string(containsString("value=\"geen adres\"")));
    }

    @Test
    void platformAdminsReadTheMailboxOthersDoNot() throws Exception {
        invite("postvak-" + UUID.randomUUID() + "@appelkerke.invalid");

        mvc.perform(get("/admin/mailbox")
                        .with(signedIn(TestUsers.persona(be.bolwerk.shared.security.Persona.PLATFORM_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uitnodiging voor Bolwerk")));
        mvc.perform(get("/admin/mailbox").with(signedIn(appelkerkeAdmin))).andExpect(status().isForbidden());
    }

    /** The page as anyone with the link sees it, with what differs per invitation (and per request) blanked. */
    private String publicPage(String token, String email) throws Exception {
        return mvc.perform(get("/invitation/" + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replace(token, "TOKEN")
                .replace(email, "EMAIL")
                .replaceAll("name=\"_csrf\" (value|content)=\"[^\"]*\"", "CSRF")
                .replaceAll("nonce=\"[^\"]*\"", "NONCE");
    }

    private long membershipsInAppelkerke(UserAccount account) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE user_account_id = :id AND organisation_id = :org")
                .param("id", account.id())
                .param("org", DemoOrganisationIds.APPELKERKE.value())
                .query(Long.class)
                .single();
    }

    @Test
    void theInvitationPageLooksTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        UserAccount existing = testAccounts.create("bestaand", "Bert Bestaand", PASSWORD);
        String newcomer = "nieuwkomer-" + UUID.randomUUID() + "@test.invalid";

        String forExisting = publicPage(invite(existing.email()), existing.email());
        String forNewcomer = publicPage(invite(newcomer), newcomer);

        assertThat(forExisting).isEqualTo(forNewcomer);
        assertThat(forExisting).contains("Ik heb al een account", "Ik ben nieuw in Bolwerk");
    }

    @Test
    void theNewAccountPathLeavesAnExistingAccountAloneAndAnswersAlike() throws Exception {
        UserAccount existing = testAccounts.create("bestaand", "Bert Bestaand", PASSWORD);
        String hashBefore = accounts.findById(existing.id()).orElseThrow().passwordHash();
        String token = invite(existing.email());
        String intruderPassword = "een wachtwoord van iemand anders";

        mvc.perform(post("/invitation/" + token)
                        .param("displayName", "Indringer")
                        .param("password", intruderPassword)
                        .param("confirmation", intruderPassword)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?invited"));

        assertThat(accounts.findById(existing.id()).orElseThrow().passwordHash())
                .as("the password stays")
                .isEqualTo(hashBefore);
        assertThat(membershipsInAppelkerke(existing))
                .as("no rights without signing in")
                .isZero();
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user(existing.email())
                        .password(intruderPassword))
                .andExpect(unauthenticated());
        mvc.perform(get("/invitation/" + token)).andExpect(status().isOk());
        MimeMessage nextStep = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> Arrays.stream(SMTP.getReceivedMessages())
                                .filter(m -> GreenMailUtil.getBody(m).contains("/invitation/" + token + "/accept"))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        assertThat(GreenMailUtil.getHeaders(nextStep)).contains(existing.email());
    }

    @Test
    void anExistingAccountAcceptsOnlyWhenSignedInAsThatAccountWithBothSteps() throws Exception {
        UserAccount existing = testAccounts.create("bestaand", "Bert Bestaand", PASSWORD);
        UserAccount someoneElse = testAccounts.create("ander", "Anna Ander", PASSWORD);
        String token = invite(existing.email());
        String accept = "/invitation/" + token + "/accept";

        mvc.perform(post(accept).with(csrf())).andExpect(status().is3xxRedirection());
        Cookie passwordOnly = SignIn.passwordOnly(mvc, existing.email(), PASSWORD);
        mvc.perform(post(accept).cookie(passwordOnly).with(csrf())).andExpect(status().is3xxRedirection());
        Cookie other = SignIn.bothSteps(mvc, jdbc, someoneElse.email(), PASSWORD);
        mvc.perform(post(accept).cookie(other).with(csrf())).andExpect(status().isForbidden());
        assertThat(membershipsInAppelkerke(existing)).isZero();
        assertThat(membershipsInAppelkerke(someoneElse)).isZero();

        Cookie mine = SignIn.bothSteps(mvc, jdbc, existing.email(), PASSWORD);
        mvc.perform(get(accept).cookie(mine))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("U aanvaardt de uitnodiging als Medewerker")));
        mvc.perform(post(accept).cookie(mine).with(csrf())).andExpect(redirectedUrl("/login?joined"));

        assertThat(membershipsInAppelkerke(existing)).isEqualTo(1);
        mvc.perform(get("/").cookie(mine)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE event_type = 'MEMBERSHIP_GRANTED' AND actor_id = :id")
                        .param("id", existing.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post(accept)
                        .cookie(SignIn.bothSteps(mvc, jdbc, existing.email(), PASSWORD))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
