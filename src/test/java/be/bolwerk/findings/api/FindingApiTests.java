package be.bolwerk.findings.api;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write API of the register: creating and changing findings with the revision read (428 without it, 412 when
 * stale), every action with its rule (409 with the rule's sentence, also for a replay, which leaves no second history
 * line), its body's constraints (400 naming the fields, in Dutch or English), its roles (403), another organisation's
 * finding (404), and personal API tokens (a read-only token may not write).
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindingApiTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final String MUNTHOVE_FINDING = "Firewallregels van Munthove niet herzien";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ApiTokens tokens;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String title = "Api-test " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;

    FindingApiTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired ApiTokens tokens) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @BeforeEach
    void people() {
        iso = account("iso@appelkerke.invalid", OrganisationRole.ORGANISATION_ADMIN);
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :title")
                .param("title", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void createsAFindingAndChangesItOnlyOnTheRevisionItRead() throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/findings"), iso, newFinding(title, "HIGH"));
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode finding = body(created);
        String id = finding.get("id").asString();
        assertThat(created.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/findings/" + id);
        assertThat(created.getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");
        assertThat(finding.get("status").asString()).isEqualTo("NEW");
        assertThat(finding.get("source").asString()).isEqualTo("MANUAL");
        assertThat(finding.get("dueDate").asString())
                .as("a high finding: 30 days from today")
                .isEqualTo(today().plusDays(30).toString());
        assertThat(mvc.perform(get("/api/v1/findings/" + id).with(signedIn(iso)))
                        .andReturn()
                        .getResponse()
                        .getHeader(HttpHeaders.ETAG))
                .isEqualTo("\"0\"");

        String changed = "{\"title\":\"" + title + " gewijzigd\",\"severity\":\"CRITICAL\"}";
        MockHttpServletResponse withoutRevision = send(put("/api/v1/findings/" + id), iso, changed);
        assertThat(withoutRevision.getStatus()).isEqualTo(428);
        assertThat(body(withoutRevision).get("title").asString()).isEqualTo("Versie vereist");

        MockHttpServletResponse done =
                send(put("/api/v1/findings/" + id).header(HttpHeaders.IF_MATCH, "\"0\""), iso, changed);
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        assertThat(body(done).get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(body(done).get("dueDate").asString())
                .as("the SLA of its new severity, from the same start")
                .isEqualTo(today().plusDays(7).toString());

        MockHttpServletResponse stale =
                send(put("/api/v1/findings/" + id).header(HttpHeaders.IF_MATCH, "\"0\""), iso, changed);
        assertThat(stale.getStatus()).isEqualTo(412);
        JsonNode problem = body(stale);
        assertThat(problem.get("type").asString()).isEqualTo("urn:bolwerk:problem:findings:stale");
        assertThat(problem.get("title").asString()).isEqualTo("Verouderde versie");
        assertThat(stale.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(historyLines(id)).as("raised and changed once").isEqualTo(2);
    }

    @Test
    void aBodyThatBreaksItsConstraintsNamesTheFieldsInTheCallersLanguage() throws Exception {
        String blank = "{\"organisationId\":\"" + APPELKERKE + "\",\"title\":\" \",\"severity\":null}";
        MockHttpServletResponse dutch = send(post("/api/v1/findings"), iso, blank);
        assertThat(dutch.getStatus()).isEqualTo(400);
        JsonNode problem = body(dutch);
        assertThat(problem.get("title").asString()).isEqualTo("Ongeldige invoer");
        assertThat(problem.get("errors").toString())
                .contains("{\"field\":\"severity\",\"message\":\"Vul dit veld in.\"}")
                .contains("{\"field\":\"title\",\"message\":\"Vul dit veld in.\"}");
        // The language is the person's choice (the BOLWERK_LANG cookie, as for the whole API), not Accept-Language.
        MockHttpServletResponse english =
                send(post("/api/v1/findings").cookie(new Cookie("BOLWERK_LANG", "en")), iso, blank);
        assertThat(body(english).get("errors").toString()).contains("Fill in this field.");
        assertThat(body(english).get("title").asString()).isEqualTo("Invalid input");

        String noOrganisation = "{\"title\":\"" + title + "\",\"severity\":\"LOW\"}";
        assertThat(body(send(post("/api/v1/findings"), iso, noOrganisation))
                        .get("errors")
                        .toString())
                .contains("organisationId");
        String tooLong = "{\"reason\":\"" + "x".repeat(2001) + "\"}";
        String id = create(title);
        MockHttpServletResponse longReason =
                send(post("/api/v1/findings/" + id + "/actions/mark-false-positive"), iso, tooLong);
        assertThat(longReason.getStatus()).isEqualTo(400);
        assertThat(body(longReason).get("errors").toString()).contains("Gebruik hoogstens 2000 tekens.");
        assertThat(send(post("/api/v1/findings/" + id + "/actions/retest"), iso, "{\"testedOn\":\"2026-02-31\"}")
                        .getStatus())
                .as("a day that does not exist")
                .isEqualTo(400);
        assertThat(statusOf(id)).isEqualTo("NEW");
    }

    @Test
    void theWorkMovesThroughActionsAndAReplayIsAConflictWithoutASecondHistoryLine() throws Exception {
        String id = create(title);
        String actions = "/api/v1/findings/" + id + "/actions/";
        assertThat(send(post(actions + "resolve"), iso, "{}").getStatus())
                .as("a new finding is confirmed first")
                .isEqualTo(409);
        assertThat(action(actions + "confirm", "{}")).isEqualTo("CONFIRMED");
        MockHttpServletResponse again = send(post(actions + "confirm"), iso, "{}");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(body(again).get("detail").asString())
                .isEqualTo("Dat kan niet in de huidige status van de bevinding.");
        assertThat(action(actions + "start-work", null)).isEqualTo("IN_PROGRESS");
        assertThat(action(actions + "resolve", "{\"note\":\"Gepatcht\"}")).isEqualTo("RESOLVED");

        String partly = retest("PARTIALLY_FIXED", "Eén server nog open");
        assertThat(action(actions + "retest", partly))
                .as("partially fixed stays open")
                .isEqualTo("IN_PROGRESS");
        int lines = historyLines(id);
        MockHttpServletResponse replay = send(post(actions + "retest"), iso, partly);
        assertThat(replay.getStatus()).isEqualTo(409);
        assertThat(body(replay).get("detail").asString()).contains("al geregistreerd");
        assertThat(historyLines(id)).as("the replay wrote nothing").isEqualTo(lines);
        assertThat(body(mvc.perform(get("/api/v1/findings/" + id).with(signedIn(iso)))
                                .andReturn()
                                .getResponse())
                        .get("statusReason")
                        .asString())
                .isEqualTo("Eén server nog open");

        assertThat(send(post(actions + "retest"), iso, retest("NOT_FIXED", "")).getStatus())
                .as("a note is required unless fixed")
                .isEqualTo(422);
        assertThat(send(
                                post(actions + "retest"),
                                iso,
                                "{\"testedOn\":\"" + today().plusDays(1) + "\",\"tester\":\"X\",\"result\":\"FIXED\"}")
                        .getStatus())
                .as("no retest in the future")
                .isEqualTo(422);
        assertThat(action(actions + "resolve", null)).isEqualTo("RESOLVED");
        assertThat(action(actions + "retest", retest("FIXED", ""))).isEqualTo("FIX_VERIFIED");
        assertThat(send(post(actions + "reopen"), iso, "{}").getStatus())
                .as("a reason is required")
                .isEqualTo(400);
        assertThat(action(actions + "reopen", "{\"reason\":\"Lek terug\"}")).isEqualTo("REOPENED");
        assertThat(send(post(actions + "reopen"), iso, "{\"reason\":\"Lek terug\"}")
                        .getStatus())
                .as("a replayed reopen")
                .isEqualTo(409);
    }

    @Test
    void closingDecisionsAndTheDuplicateOfAnotherOrganisationsFinding() throws Exception {
        String id = create(title);
        String actions = "/api/v1/findings/" + id + "/actions/";
        assertThat(action(actions + "mark-false-positive", "{\"reason\":\"Scanner vergist zich\"}"))
                .isEqualTo("FALSE_POSITIVE");
        assertThat(action(actions + "reopen", "{\"reason\":\"Toch echt\"}")).isEqualTo("REOPENED");
        assertThat(action(actions + "mark-out-of-scope", "{\"reason\":\"Niet ons systeem\"}"))
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(action(actions + "reopen", "{\"reason\":\"Wel ons systeem\"}"))
                .isEqualTo("REOPENED");

        String foreign = "{\"originalId\":\"" + findingId(MUNTHOVE_FINDING) + "\"}";
        MockHttpServletResponse notOurs = send(post(actions + "mark-duplicate"), iso, foreign);
        assertThat(notOurs.getStatus()).isEqualTo(404);
        assertThat(notOurs.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Munthove");
        assertThat(send(post(actions + "mark-duplicate"), iso, "{\"originalId\":\"" + id + "\"}")
                        .getStatus())
                .as("not a duplicate of itself")
                .isEqualTo(422);
        String original = create(title + " origineel");
        assertThat(action(actions + "mark-duplicate", "{\"originalId\":\"" + original + "\"}"))
                .isEqualTo("DUPLICATE");
    }

    @Test
    void theOwnerIsAnActiveMemberMailedOnce() throws Exception {
        String id = create(title);
        String assign = "/api/v1/findings/" + id + "/actions/assign";
        assertThat(send(post(assign), iso, "{\"ownerId\":\"" + UUID.randomUUID() + "\"}")
                        .getStatus())
                .isEqualTo(422);
        UUID colleague = jdbc.sql("SELECT id FROM user_account WHERE email = 'medewerker@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        String owner = "{\"ownerId\":\"" + colleague + "\"}";
        MockHttpServletResponse assigned = send(post(assign), iso, owner);
        assertThat(assigned.getStatus()).isEqualTo(200);
        assertThat(body(assigned).get("ownerId").asString()).isEqualTo(colleague.toString());
        assertThat(send(post(assign), iso, owner).getStatus()).as("a replay").isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'medewerker@appelkerke.invalid'"
                                + " AND subject = :subject")
                        .param("subject", "Bevinding voor u: " + title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anActionOnTheRevisionReadIsRefusedWhenTheFindingMovedOn() throws Exception {
        String id = create(title);
        String actions = "/api/v1/findings/" + id + "/actions/";
        MockHttpServletResponse confirmed =
                send(post(actions + "confirm").header(HttpHeaders.IF_MATCH, "\"0\""), iso, null);
        assertThat(confirmed.getStatus()).isEqualTo(200);
        assertThat(confirmed.getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");
        MockHttpServletResponse stale =
                send(post(actions + "start-work").header(HttpHeaders.IF_MATCH, "\"0\""), iso, null);
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(send(post(actions + "start-work").header(HttpHeaders.IF_MATCH, "W/\"1\""), iso, null)
                        .getStatus())
                .as("a weak tag never matches")
                .isEqualTo(412);
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        assertThat(send(post(actions + "start-work").header(HttpHeaders.IF_MATCH, "\"1\""), iso, null)
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void rolesAsOnThePages() throws Exception {
        String id = create(title);
        String actions = "/api/v1/findings/" + id + "/actions/";
        CurrentUser viewer = account("lezer@appelkerke.invalid", OrganisationRole.VIEWER);
        CurrentUser member = account("medewerker@appelkerke.invalid", OrganisationRole.MEMBER);
        assertThat(send(post(actions + "confirm"), viewer, "{}").getStatus()).isEqualTo(403);
        assertThat(send(post("/api/v1/findings"), viewer, newFinding(title + " lezer", "LOW"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(post(actions + "confirm"), TestUsers.programmeOfficer(), "{}")
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(post(actions + "confirm"), member, "{}").getStatus()).isEqualTo(200);
        assertThat(send(post(actions + "mark-false-positive"), member, "{\"reason\":\"Nee\"}")
                        .getStatus())
                .as("members move the work; admins decide")
                .isEqualTo(403);
        assertThat(mvc.perform(post(actions + "start-work")
                                .with(signedIn(iso))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a session without its CSRF token")
                .isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        // The victim's finding is not found, whatever the action.
        for (String action : new String[] {"confirm", "resolve", "reopen", "assign", "retest"}) {
            MockHttpServletResponse foreign =
                    send(post("/api/v1/findings/" + findingId(MUNTHOVE_FINDING) + "/actions/" + action), iso, "{}");
            assertThat(foreign.getStatus()).as(action).isEqualTo(404);
            assertThat(foreign.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Munthove");
        }
        assertThat(send(
                                post("/api/v1/findings"),
                                iso,
                                "{\"organisationId\":\""
                                        + DemoOrganisationIds.OCMW_MUNTHOVE + "\",\"title\":\"" + title
                                        + "\",\"severity\":\"LOW\"}")
                        .getStatus())
                .as("no finding in another organisation's register")
                .isEqualTo(403);
    }

    @Test
    void aReadOnlyTokenMayNotWriteAWriteTokenMay() throws Exception {
        String read = tokens.create(iso.id(), "lezen " + title, ApiTokens.Scope.READ, 30);
        String write = tokens.create(iso.id(), "schrijven " + title, ApiTokens.Scope.WRITE, 30);
        MockHttpServletResponse refused = mvc.perform(post("/api/v1/findings")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + read)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newFinding(title, "LOW")))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(count(title)).isZero();
        MockHttpServletResponse created = mvc.perform(post("/api/v1/findings")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + write)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(newFinding(title, "LOW")))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String id = body(created).get("id").asString();
        assertThat(mvc.perform(post("/api/v1/findings/" + id + "/actions/confirm")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + read))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/findings/" + id + "/actions/confirm")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + write))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
    }

    private String create(String name) throws Exception {
        MockHttpServletResponse created = send(post("/api/v1/findings"), iso, newFinding(name, "HIGH"));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return body(created).get("id").asString();
    }

    /** Takes the action as the ISO and answers the finding's new status. */
    private String action(String path, String content) throws Exception {
        MockHttpServletResponse response = send(post(path), iso, content);
        assertThat(response.getStatus())
                .as("%s: %s", path, response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return body(response).get("status").asString();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, CurrentUser user, String content)
            throws Exception {
        request.with(signedIn(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON);
        if (content != null) {
            request.content(content);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String newFinding(String name, String severity) {
        return "{\"organisationId\":\"" + APPELKERKE + "\",\"title\":\"" + name + "\",\"severity\":\"" + severity
                + "\",\"affectedSystem\":\"Mailserver\"}";
    }

    private static String retest(String result, String note) {
        return "{\"testedOn\":\"" + today() + "\",\"tester\":\"Auditkantoor\",\"result\":\"" + result + "\",\"note\":\""
                + note + "\"}";
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private int historyLines(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM finding_history WHERE finding_id = :id")
                .param("id", UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    private long count(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE title = :title")
                .param("title", name)
                .query(Long.class)
                .single();
    }

    private String statusOf(String id) {
        return jdbc.sql("SELECT status FROM finding WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private UUID findingId(String name) {
        return jdbc.sql("SELECT id FROM finding WHERE title = :title")
                .param("title", name)
                .query(UUID.class)
                .single();
    }

    private static LocalDate today() {
        return LocalDate.now(BelgianTime.ZONE);
    }

    private CurrentUser account(String email, OrganisationRole role) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, Set.of(), Map.of(APPELKERKE, role));
    }
}
