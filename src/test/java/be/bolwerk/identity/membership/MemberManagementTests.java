package be.bolwerk.identity.membership;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Organisation admins manage the members of their own organisation, and only those. */
@SpringBootTest
@AutoConfigureMockMvc
class MemberManagementTests {

    private static final String PASSWORD = "een lange zin als wachtwoord";
    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final TestAccounts testAccounts;
    private final JdbcClient jdbc;

    MemberManagementTests(@Autowired MockMvc mvc, @Autowired TestAccounts testAccounts, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.testAccounts = testAccounts;
        this.jdbc = jdbc;
    }

    private UserAccount member(UUID organisation, OrganisationRole role) {
        UserAccount account = testAccounts.unsaved("lid", "Lid Lidmans", PASSWORD);
        account.join(organisation, role, Instant.now());
        return testAccounts.save(account);
    }

    private CurrentUser admin() {
        return member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN).toCurrentUser();
    }

    private String role(UUID account, UUID organisation) {
        return jdbc.sql("SELECT role FROM membership WHERE user_account_id = :a AND organisation_id = :o")
                .param("a", account)
                .param("o", organisation)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void anAdminChangesARoleAndTheMembersSessionsEnd() throws Exception {
        CurrentUser admin = admin();
        UserAccount viewer = member(APPELKERKE, OrganisationRole.VIEWER);
        Cookie session = SignIn.bothSteps(mvc, jdbc, viewer.email(), PASSWORD);

        mvc.perform(get("/members").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(viewer.email())));
        mvc.perform(post("/members/" + viewer.id() + "/role")
                        .param("organisationId", APPELKERKE.toString())
                        .param("role", "MEMBER")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/members"));

        assertThat(role(viewer.id(), APPELKERKE)).isEqualTo("MEMBER");
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void removingNeedsConfirmationAndNobodyRemovesThemselves() throws Exception {
        CurrentUser admin = admin();
        UserAccount member = member(APPELKERKE, OrganisationRole.MEMBER);

        mvc.perform(post("/members/" + member.id() + "/remove")
                        .param("organisationId", APPELKERKE.toString())
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "users.confirmFirst"));
        assertThat(role(member.id(), APPELKERKE)).isEqualTo("MEMBER");

        mvc.perform(post("/members/" + member.id() + "/remove")
                        .param("organisationId", APPELKERKE.toString())
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "members.removed"));
        assertThat(role(member.id(), APPELKERKE)).isNull();

        mvc.perform(post("/members/" + admin.id() + "/role")
                        .param("organisationId", APPELKERKE.toString())
                        .param("role", "VIEWER")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "members.notYourself"));
        assertThat(role(admin.id(), APPELKERKE)).isEqualTo("ORGANISATION_ADMIN");
    }

    @Test
    void membersOfAnotherOrganisationAndNonAdminsAreRefused() throws Exception {
        CurrentUser admin = admin();
        UserAccount foreign = member(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.MEMBER);
        CurrentUser plainMember = member(APPELKERKE, OrganisationRole.MEMBER).toCurrentUser();
        UserAccount colleague = member(APPELKERKE, OrganisationRole.VIEWER);

        mvc.perform(post("/members/" + foreign.id() + "/role")
                        .param("organisationId", DemoOrganisationIds.OCMW_MUNTHOVE.toString())
                        .param("role", "ORGANISATION_ADMIN")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/" + foreign.id() + "/role")
                        .param("organisationId", APPELKERKE.toString())
                        .param("role", "ORGANISATION_ADMIN")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/" + colleague.id() + "/role")
                        .param("organisationId", APPELKERKE.toString())
                        .param("role", "ORGANISATION_ADMIN")
                        .with(signedIn(plainMember))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/members/" + colleague.id() + "/role")
                        .param("organisationId", APPELKERKE.toString())
                        .param("role", "EMPEROR")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is4xxClientError());

        assertThat(role(foreign.id(), DemoOrganisationIds.OCMW_MUNTHOVE.value()))
                .isEqualTo("MEMBER");
        assertThat(role(colleague.id(), APPELKERKE)).isEqualTo("VIEWER");
    }
}
