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

import be.bolwerk.TestUsers;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.identity.SignIn;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Platform admins hand out the programme-wide personas: invite to one (with the audit firm or college where
 * the persona has one), change or remove one — each change ends the person's sessions, mails them and is
 * audited. The programme invites the first admin of an organisation that has none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonaAdministrationTests {

    private static final String PASSWORD = "een lange zin als wachtwoord";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestAccounts testAccounts;
    private final UserAccounts accounts;
    private final ProgrammePeople people;
    private final CurrentUser admin = TestUsers.persona(Persona.PLATFORM_ADMIN);

    PersonaAdministrationTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired TestAccounts testAccounts,
            @Autowired UserAccounts accounts,
            @Autowired ProgrammePeople people) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.testAccounts = testAccounts;
        this.accounts = accounts;
        this.people = people;
    }

    private String lastMailTo(String email) {
        return jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :to ORDER BY created_at DESC LIMIT 1")
                .param("to", email)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /** The stored details of a row about this account and persona, as the recorder writes them. */
    private static String about(UserAccount account, String key, Persona persona, Object... more) {
        List<Object> args = new ArrayList<>();
        args.add(Details.term("persona." + persona, persona.name()));
        args.addAll(List.of(more));
        return Details.about(Map.of("account", account.id()), key, args.toArray());
    }

    private long audited(String type, String details) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = :type AND details LIKE :details")
                .param("type", type)
                .param("details", details)
                .query(Long.class)
                .single();
    }

    @Test
    void anInviteeBecomesAnAuditorOfTheNamedFirm() throws Exception {
        String email = "auditor-" + UUID.randomUUID() + "@test.invalid";
        mvc.perform(post("/admin/users/invite")
                        .param("email", email)
                        .param("persona", "AUDITOR")
                        .param("affiliation", "  Auditkantoor Noord  ")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        Matcher link = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})").matcher(lastMailTo(email));
        assertThat(link.find()).as("the mail holds the link").isTrue();

        mvc.perform(get("/invitation/" + link.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("als Auditor voor Auditkantoor Noord")));
        mvc.perform(post("/invitation/" + link.group(1))
                        .param("displayName", "Ann Auditor")
                        .param("password", PASSWORD)
                        .param("confirmation", PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?invited"));

        UserAccount account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.toCurrentUser().personas()).containsExactly(Persona.AUDITOR);
        assertThat(people.affiliationOf(account.id(), Persona.AUDITOR)).contains("Auditkantoor Noord");
        assertThat(people.holding(Persona.AUDITOR))
                .anyMatch(h -> h.accountId().equals(account.id()) && "Auditkantoor Noord".equals(h.affiliation()));
        assertThat(audited("PERSONA_INVITED", "%persona.AUDITOR%")).isPositive();
        assertThat(audited("PERSONA_GRANTED", about(account, "audit.detail.invitationAccepted", Persona.AUDITOR)))
                .isPositive();
        mvc.perform(get("/admin/users").param("q", email).with(signedIn(admin)))
                .andExpect(content().string(containsString("Auditor (Auditkantoor Noord)")));
    }

    @Test
    void auditorsSupervisorsAndStudentsNeedAFirmOrCollege() throws Exception {
        String email = "student-" + UUID.randomUUID() + "@test.invalid";
        for (String affiliation : new String[] {"", " x ", "y".repeat(121), "Kantoor\r\nBcc: iemand@test.invalid"}) {
            mvc.perform(post("/admin/users/invite")
                            .param("email", email)
                            .param("persona", "STUDENT")
                            .param("affiliation", affiliation)
                            .with(signedIn(admin))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(
                            content().string(containsString("Vul voor deze rol het auditkantoor of de hogeschool in")));
        }
        mvc.perform(post("/admin/users/invite")
                        .param("email", email)
                        .param("persona", "NO_SUCH_PERSONA")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM persona_invitation WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyPlatformAdminsHandOutPersonas() throws Exception {
        UserAccount account = testAccounts.create("rol", "Rik Rol", PASSWORD);
        String email = "niet-" + UUID.randomUUID() + "@test.invalid";
        for (CurrentUser other : new CurrentUser[] {
            TestUsers.programmeOfficer(),
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN)
        }) {
            mvc.perform(post("/admin/users/invite")
                            .param("email", email)
                            .param("persona", "PLATFORM_ADMIN")
                            .with(signedIn(other))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/" + account.id() + "/personas")
                            .param("persona", "PLATFORM_ADMIN")
                            .with(signedIn(other))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM persona_invitation WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(accounts.findById(account.id()).orElseThrow().holds(Persona.PLATFORM_ADMIN))
                .isFalse();
    }

    @Test
    void changingOrRemovingAPersonaEndsTheSessionsMailsThePersonAndIsAudited() throws Exception {
        UserAccount account = testAccounts.unsaved("analist", "Cas Analist", PASSWORD);
        account.grant(Persona.CRT_ANALYST, null);
        testAccounts.save(account);
        Cookie session = SignIn.bothSteps(mvc, jdbc, account.email(), PASSWORD);

        mvc.perform(post("/admin/users/" + account.id() + "/personas")
                        .param("persona", "AUDITOR")
                        .param("affiliation", "Kantoor Zuid")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + account.id()));

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(people.affiliationOf(account.id(), Persona.AUDITOR)).contains("Kantoor Zuid");
        assertThat(lastMailTo(account.email())).contains("auditor (Kantoor Zuid)");
        assertThat(audited(
                        "PERSONA_CHANGED",
                        about(account, "audit.detail.roleChangedWithAffiliation", Persona.AUDITOR, "Kantoor Zuid")))
                .isEqualTo(1);
        mvc.perform(get("/admin/users/" + account.id()).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Auditor (Kantoor Zuid)")));

        session = SignIn.bothSteps(mvc, jdbc, account.email(), PASSWORD);
        mvc.perform(post("/admin/users/" + account.id() + "/personas/remove")
                        .param("persona", "CRT_ANALYST")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + account.id()));
        assertThat(accounts.findById(account.id()).orElseThrow().holds(Persona.CRT_ANALYST))
                .as("not without confirmation")
                .isTrue();
        mvc.perform(post("/admin/users/" + account.id() + "/personas/remove")
                        .param("persona", "CRT_ANALYST")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + account.id()));

        assertThat(accounts.findById(account.id()).orElseThrow().holds(Persona.CRT_ANALYST))
                .isFalse();
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(lastMailTo(account.email())).contains("niet langer analist");
        assertThat(audited("PERSONA_REMOVED", about(account, "audit.detail.personaRemoved", Persona.CRT_ANALYST)))
                .isEqualTo(1);
    }

    @Test
    void aPlatformAdminCannotTakeAwayTheirOwnAdminRole() throws Exception {
        UserAccount self = testAccounts.unsaved("beheer", "Bo Beheer", PASSWORD);
        self.grant(Persona.PLATFORM_ADMIN, null);
        testAccounts.save(self);

        mvc.perform(post("/admin/users/" + self.id() + "/personas/remove")
                        .param("persona", "PLATFORM_ADMIN")
                        .param("confirmed", "true")
                        .with(signedIn(self.toCurrentUser()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + self.id()))
                .andExpect(flash().attribute("problem", "users.persona.NOT_YOURSELF"));

        assertThat(accounts.findById(self.id()).orElseThrow().holds(Persona.PLATFORM_ADMIN))
                .isTrue();
    }

    @Test
    void theProgrammeInvitesTheFirstAdminOfAnOrganisationThatHasNone() throws Exception {
        UUID withoutAdmin = jdbc.sql("""
                        SELECT id FROM organisation WHERE id NOT IN
                            (SELECT organisation_id FROM membership WHERE role = 'ORGANISATION_ADMIN')
                        ORDER BY name LIMIT 1
                        """).query(UUID.class).single();
        String email = "eerste-" + UUID.randomUUID() + "@test.invalid";

        mvc.perform(get("/organisations/" + withoutAdmin).with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(content().string(containsString("/organisations/" + withoutAdmin + "/first-admin")));
        mvc.perform(post("/organisations/" + withoutAdmin + "/first-admin")
                        .param("email", email)
                        .with(signedIn(TestUsers.programmeOfficer()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/organisations/" + withoutAdmin));
        assertThat(jdbc.sql("SELECT role FROM invitation WHERE email = :e AND organisation_id = :org")
                        .param("e", email)
                        .param("org", withoutAdmin)
                        .query(String.class)
                        .single())
                .isEqualTo("ORGANISATION_ADMIN");

        String late = "te-laat-" + UUID.randomUUID() + "@test.invalid";
        mvc.perform(post("/organisations/" + DemoOrganisationIds.APPELKERKE + "/first-admin")
                        .param("email", late)
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/organisations/" + DemoOrganisationIds.APPELKERKE + "/first-admin"));
        mvc.perform(post("/organisations/" + withoutAdmin + "/first-admin")
                        .param("email", late)
                        .with(signedIn(TestUsers.member(
                                DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM invitation WHERE email = :e")
                        .param("e", late)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
