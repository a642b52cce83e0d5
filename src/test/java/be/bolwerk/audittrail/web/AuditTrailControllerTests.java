package be.bolwerk.audittrail.web;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.AuditSentences;
import be.bolwerk.TestUsers;
import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditLog;
import be.bolwerk.audittrail.chain.AuditSearch;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Checkpoint;
import be.bolwerk.audittrail.chain.Verification;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailControllerTests {

    private final MockMvc mvc;
    private final AuditLog log;
    private final JsonMapper json;
    private final AuditTrail trail;
    private final CurrentUser admin = TestUsers.persona(Persona.PLATFORM_ADMIN);

    AuditTrailControllerTests(
            @Autowired MockMvc mvc, @Autowired AuditLog log, @Autowired JsonMapper json, @Autowired AuditTrail trail) {
        this.trail = trail;
        this.mvc = mvc;
        this.log = log;
        this.json = json;
    }

    @Test
    void signInsAndFailedSignInsAreRecordedWithTheAddress() throws Exception {
        mvc.perform(formLogin("/login")
                .userParameter("email")
                .user("lezer@appelkerke.invalid")
                .password("bolwerk-demo-2026"));
        mvc.perform(formLogin("/login")
                .userParameter("email")
                .user("lezer@appelkerke.invalid")
                .password("wrong-password-1"));

        // The two newest events of this account are ours (other tests sign in as it too, from other addresses).
        var events = log.search(new AuditSearch("lezer@appelkerke.invalid", null, null, null, null, 0, 10))
                .items();
        assertThat(events.get(0).type()).isEqualTo(AuditEventType.SIGN_IN_FAILED);
        assertThat(events.get(0).outcome()).isEqualTo("FAILURE");
        assertThat(events.get(1).type()).isEqualTo(AuditEventType.SIGN_IN);
        assertThat(events.subList(0, 2))
                .allSatisfy(e -> assertThat(e.clientAddress()).isEqualTo("127.0.0.1"));
    }

    @Test
    void platformAdminSearchesTheTrail() throws Exception {
        mvc.perform(formLogin("/login")
                .userParameter("email")
                .user("zoek-" + UUID.randomUUID() + "@x.invalid")
                .password("nope-nope-nope"));

        mvc.perform(get("/admin/audit")
                        .param("type", "SIGN_IN_FAILED")
                        .param("actor", "zoek-")
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Mislukte aanmelding"), containsString("zoek-"))));
    }

    @Test
    void theExportAndPagerLinksKeepTheFilterEncodedAndTheChosenTypeStaysSelected() throws Exception {
        for (int i = 0; i < 26; i++) {
            trail.appendAlone(
                    AuditEventType.SIGN_IN_FAILED,
                    false,
                    new AuditTrail.Actor(null, "pager&" + i + "@x.invalid", "127.0.0.1"),
                    null,
                    "BadCredentialsException");
        }

        mvc.perform(get("/admin/audit")
                        .param("type", "SIGN_IN_FAILED")
                        .param("actor", "pager&")
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(
                                        "href=\"/admin/audit/export.jsonl?actor=pager%26&amp;type=SIGN_IN_FAILED&amp;organisation=&amp;from=&amp;to=\""),
                                containsString(
                                        "href=\"/admin/audit?actor=pager%26&amp;type=SIGN_IN_FAILED&amp;organisation=&amp;from=&amp;to=&amp;page=1\""),
                                containsString("<option value=\"SIGN_IN_FAILED\" selected=\"selected\">"))));
    }

    @Test
    void malformedFiltersAreIgnoredWithAMessageNotAnError() throws Exception {
        mvc.perform(get("/admin/audit")
                        .param("from", "gisteren")
                        .param("type", "DROP TABLE")
                        .param("page", "-4")
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Een datum heeft niet het juiste formaat")));
    }

    @Test
    void onlyPlatformAdminsSeeTheTrail() throws Exception {
        for (Persona persona : new Persona[] {Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST}) {
            mvc.perform(get("/admin/audit").with(signedIn(TestUsers.persona(persona))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/audit-trail/verification")
                            .with(signedIn(TestUsers.persona(persona)))
                            .with(csrf()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void refusedFunctionsAreRecordedButTheWayInIsNot() throws Exception {
        CurrentUser officer = TestUsers.programmeOfficer();
        mvc.perform(get("/admin/users").with(signedIn(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit")).andExpect(status().isFound());

        var refusals = log
                .search(new AuditSearch(officer.email(), AuditEventType.ACCESS_DENIED, null, null, null, 0, 50))
                .items()
                .stream()
                .filter(e -> officer.id().equals(e.actorId()))
                .toList();
        assertThat(refusals).hasSize(1);
        assertThat(AuditSentences.dutch(refusals.get(0).details()))
                .isEqualTo("Toegang geweigerd tot GET /admin/users (UserAdministrationController.list)");
        assertThat(refusals.get(0).outcome()).isEqualTo("FAILURE");
    }

    @Test
    void verificationFromThePageAndTheApi() throws Exception {
        mvc.perform(post("/admin/audit/verify").with(signedIn(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/audit"))
                .andExpect(flash().attribute("verification", org.hamcrest.Matchers.instanceOf(Verification.class)));
        mvc.perform(post("/api/v1/audit-trail/verification")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.brokenAt").doesNotExist());
    }

    @Test
    void aMonitorReadsTheCheckpointAndThePageChecksAgainstIt() throws Exception {
        Checkpoint head = log.checkpoint();
        mvc.perform(get("/api/v1/audit-trail/checkpoint").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seq").isNumber())
                .andExpect(jsonPath("$.hash").isString())
                .andExpect(jsonPath("$.mac").isString());
        mvc.perform(get("/admin/audit").with(signedIn(admin)))
                .andExpect(content().string(containsString("Bekend controlepunt")));

        Verification reached = verifyFromThePage(head.toString());
        Verification beyond = verifyFromThePage(head.seq() + 1_000_000 + ":" + head.hash());

        assertThat(reached.intact()).isTrue();
        assertThat(beyond.intact()).isFalse();
        assertThat(beyond.problem()).isEqualTo(Verification.Problem.TRUNCATED);
    }

    private Verification verifyFromThePage(String checkpoint) throws Exception {
        return (Verification) mvc.perform(post("/admin/audit/verify")
                        .param("checkpoint", checkpoint)
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/audit"))
                .andReturn()
                .getFlashMap()
                .get("verification");
    }

    @Test
    void aMalformedCheckpointIsRefusedWithAMessageNotAnError() throws Exception {
        mvc.perform(post("/admin/audit/verify")
                        .param("checkpoint", "gisteren")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/audit"))
                .andExpect(flash().attribute("badCheckpoint", true))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void theCheckpointIsForPlatformAdminsOnly() throws Exception {
        mvc.perform(get("/api/v1/audit-trail/checkpoint").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit-trail/checkpoint")).andExpect(status().isUnauthorized());
    }

    @Test
    void exportIsOneJsonObjectPerLineEvenWithLineBreaksInTheData() throws Exception {
        String injected = "evil\nSIGN_IN SUCCESS admin-" + UUID.randomUUID() + "@x.invalid";
        mvc.perform(formLogin("/login").userParameter("email").user(injected).password("nope-nope-nope"));

        byte[] body = mvc.perform(
                        get("/admin/audit/export.jsonl").param("actor", "evil").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertThat(event.get("seq").asLong()).isPositive();
        }
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(json.readTree(line).get("actor").asString()).isEqualTo(injected));
    }
}
