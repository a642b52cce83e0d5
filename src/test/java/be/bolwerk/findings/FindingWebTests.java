package be.bolwerk.findings;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The register's pages and API with security, on the demo registers of Appelkerke and Munthove: each organisation
 * sees its own findings only; the programme office, auditors and students see none; viewers read but do not write;
 * a refused form keeps what was typed; each step and its refusals; the SLA may be tightened, never loosened.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindingWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final String AUDIT_FINDING = "Beheerdersaccounts zonder tweede factor";
    private static final String MUNTHOVE_FINDING = "Firewallregels van Munthove niet herzien";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final String title = "Webtest " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser viewer;

    FindingWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void people() {
        iso = account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        viewer = account("lezer@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.VIEWER));
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :title")
                .param("title", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
        jdbc.sql("DELETE FROM finding_sla_organisation WHERE organisation_id = :org")
                .param("org", APPELKERKE)
                .update();
    }

    @Test
    void anOrganisationSeesItsOwnRegisterOnly() throws Exception {
        String page = page("/findings", iso);
        assertThat(page).contains(AUDIT_FINDING).contains("Gemeente Appelkerke").doesNotContain("Munthove");
        String api = page("/api/v1/findings", iso);
        assertThat(api).contains(AUDIT_FINDING).doesNotContain("Munthove");
        mvc.perform(get("/findings/" + findingId(MUNTHOVE_FINDING)).with(signedIn(iso)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/findings/" + findingId(MUNTHOVE_FINDING)).with(signedIn(iso)))
                .andExpect(status().isNotFound());
    }

    @Test
    void filtersSortingAndTheEmptyState() throws Exception {
        assertThat(page("/findings?severity=CRITICAL", iso))
                .contains(AUDIT_FINDING)
                .doesNotContain("Verouderde TLS-versie");
        assertThat(page("/findings?source=ENGAGEMENT", iso))
                .contains("Verouderde TLS-versie")
                .doesNotContain(AUDIT_FINDING);
        assertThat(page("/findings?status=FALSE_POSITIVE", iso)).contains("Printer met standaardwachtwoord");
        String bySeverity = page("/findings?sort=severity&dir=asc", iso);
        assertThat(bySeverity.indexOf(AUDIT_FINDING))
                .as("critical before low")
                .isLessThan(bySeverity.indexOf("Gedeelde mailbox"));
        assertThat(bySeverity).contains("aria-sort=\"ascending\"");
        assertThat(page("/findings?q=zzzz-nergens", iso)).contains("Geen bevindingen die hierbij passen");
        // Nonsense in the address bar is no filter, never an error page.
        assertThat(page("/findings?status=BOGUS&owner=x&due=later&sort=nope&page=-3", iso))
                .contains(AUDIT_FINDING);
    }

    /**
     * The table is rendered once per distinct page of rows and kept (ADR 0047): a kept table still escapes what people
     * typed, shows a step taken a moment ago, shows the English labels to an English reader and the checkboxes only to
     * those who may use the bulk actions.
     */
    @Test
    void aKeptTableIsEscapedAndShowsEachFindingAsItIsNow() throws Exception {
        UUID id = create(title + " <script>alert(1)</script>");
        String search = "/findings?q=" + title.substring("Webtest ".length());
        for (int i = 0; i < 2; i++) {
            assertThat(page(search, iso))
                    .contains(title + " &lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)")
                    .contains("<td>Nieuw</td>")
                    .contains("form=\"bulk-form\"");
        }
        step("/findings/" + id + "/confirm", Map.of());
        assertThat(page(search, iso)).contains("<td>Bevestigd</td>").doesNotContain("<td>Nieuw</td>");
        assertThat(page(search + "&lang=en", iso)).contains("<td>Confirmed</td>");
        assertThat(page(search, viewer)).contains("<td>Bevestigd</td>").doesNotContain("form=\"bulk-form\"");
    }

    @Test
    void overdueAndDueSoonFollowTheDueDate() throws Exception {
        UUID id = create(title + " te laat");
        jdbc.sql("UPDATE finding SET due_date = CURRENT_DATE - 1 WHERE id = :id")
                .param("id", id)
                .update();
        RegisterWrites.moved(jdbc);
        UUID soon = create(title + " binnenkort");
        jdbc.sql("UPDATE finding SET due_date = CURRENT_DATE + 10 WHERE id = :id")
                .param("id", soon)
                .update();
        RegisterWrites.moved(jdbc);
        assertThat(page("/findings?due=OVERDUE", iso))
                .contains(title + " te laat")
                .doesNotContain(title + " binnenkort");
        assertThat(page("/findings?due=SOON", iso))
                .contains(title + " binnenkort")
                .doesNotContain(title + " te laat");
        assertThat(page("/findings/" + id, iso)).contains("te laat");
    }

    @Test
    void theProgrammeOfficeAuditorsAndStudentsSeeNoFinding() throws Exception {
        String finding = findingId(AUDIT_FINDING).toString();
        for (Persona persona : Set.of(Persona.PROGRAMME_OFFICER, Persona.AUDITOR, Persona.STUDENT)) {
            CurrentUser outsider = TestUsers.persona(persona);
            for (String path :
                    new String[] {"/findings", "/findings/" + finding, "/api/v1/findings", "/api/v1/findings/" + finding
                    }) {
                String body = mvc.perform(get(path).with(signedIn(outsider)))
                        .andExpect(status().isForbidden())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).as("%s %s", persona, path).doesNotContain(AUDIT_FINDING);
            }
        }
    }

    @Test
    void viewersReadButDoNotWrite() throws Exception {
        assertThat(page("/findings", viewer)).contains(AUDIT_FINDING).doesNotContain("href=\"/findings/new\"");
        UUID id = findingId(AUDIT_FINDING);
        assertThat(page("/findings/" + id, viewer)).doesNotContain("Toewijzen").doesNotContain("Markeren als opgelost");
        mvc.perform(get("/findings/new").with(signedIn(viewer))).andExpect(status().isForbidden());
        mvc.perform(post("/findings")
                        .param("title", title)
                        .param("severity", "LOW")
                        .with(signedIn(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/findings/" + id + "/resolve").with(signedIn(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedFormKeepsWhatWasTyped() throws Exception {
        String page = refusedByIso(post("/findings")
                .param("organisationId", APPELKERKE.toString())
                .param("title", " ")
                .param("severity", "HIGH")
                .param("affectedSystem", "Fileserver <fs01>")
                .param("plannedOn", "2027-02-31"));
        assertThat(page).contains("Vul dit veld in.").contains("value=\"Fileserver &lt;fs01&gt;\"");
        String date = refusedByIso(post("/findings")
                .param("organisationId", APPELKERKE.toString())
                .param("title", title)
                .param("severity", "HIGH")
                .param("plannedOn", "2027-02-31"));
        assertThat(date).contains("Geef een bestaande datum.").contains("value=\"" + title + "\"");
    }

    @Test
    void theStepsOfAFindingAndTheirRefusals() throws Exception {
        UUID id = create(title);
        String url = "/findings/" + id;
        assertThat(page(url, iso)).contains("Bevestigen").contains("Nieuw");

        MvcResult early = step(url + "/resolve", Map.of());
        assertThat(early.getFlashMap().get("problem")).isEqualTo("finding.rule.state");

        step(url + "/confirm", Map.of());
        step(url + "/start", Map.of());
        step(url + "/resolve", Map.of("note", "Gepatcht"));
        MvcResult noNote = step(
                url + "/retest",
                Map.of("testedOn", today(), "tester", "Auditkantoor", "result", "NOT_FIXED", "note", ""));
        assertThat(noNote.getFlashMap().get("problem")).isEqualTo("finding.rule.noteRequired");
        step(
                url + "/retest",
                Map.of("testedOn", today(), "tester", "Auditkantoor", "result", "NOT_FIXED", "note", "Nog open"));
        assertThat(statusOf(id)).isEqualTo("REOPENED");
        step(url + "/start", Map.of());
        step(url + "/resolve", Map.of());
        step(url + "/retest", Map.of("testedOn", today(), "tester", "Auditkantoor", "result", "FIXED", "note", ""));
        assertThat(statusOf(id)).isEqualTo("FIX_VERIFIED");
        assertThat(page(url, iso))
                .contains("Herstel bevestigd")
                .contains("Auditkantoor")
                .contains("Nog open")
                .contains("Heropend")
                // The history table: the resolve step's note and its label.
                .contains("Gepatcht")
                .contains("Opgelost");
    }

    @Test
    void closingNeedsTheConfirmationAndAReason() throws Exception {
        UUID id = create(title);
        String url = "/findings/" + id;
        MvcResult unconfirmed = step(url + "/false-positive", Map.of("reason", "Klopt niet"));
        assertThat(unconfirmed.getFlashMap().get("problem")).isEqualTo("finding.rule.confirmRequired");
        MvcResult noReason = step(url + "/out-of-scope", Map.of("reason", "", "confirmed", "true"));
        assertThat(noReason.getFlashMap().get("problem")).isEqualTo("finding.rule.reasonRequired");
        assertThat(statusOf(id)).isEqualTo("NEW");
        MvcResult foreign = mvc.perform(post(url + "/duplicate")
                        .param("original", findingId(MUNTHOVE_FINDING).toString())
                        .param("confirmed", "true")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andReturn();
        assertThat(foreign.getResponse().getStatus())
                .as("another organisation's finding")
                .isEqualTo(404);
        step(url + "/duplicate", Map.of("original", findingId(AUDIT_FINDING).toString(), "confirmed", "true"));
        assertThat(statusOf(id)).isEqualTo("DUPLICATE");
        assertThat(page(url, iso)).contains("dubbel van &quot;" + AUDIT_FINDING + "&quot;");
    }

    @Test
    void theOwnerIsAMemberAndIsMailed() throws Exception {
        UUID id = create(title);
        String url = "/findings/" + id;
        MvcResult stranger =
                step(url + "/owner", Map.of("owner", UUID.randomUUID().toString()));
        assertThat(stranger.getFlashMap().get("problem")).isEqualTo("finding.rule.ownerNotMember");
        UUID colleague = jdbc.sql("SELECT id FROM user_account WHERE email = 'medewerker@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        step(url + "/owner", Map.of("owner", colleague.toString()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'medewerker@appelkerke.invalid'"
                                + " AND subject = :subject")
                        .param("subject", "Bevinding voor u: " + title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(page("/findings?owner=" + colleague, iso)).contains(title);
    }

    @Test
    void anOrganisationTightensTheSlaButNeverLoosensIt() throws Exception {
        String loosened = refusedByIso(post("/findings/sla/organisation")
                .param("organisationId", APPELKERKE.toString())
                .param("critical", "7")
                .param("high", "45")
                .param("medium", "90")
                .param("low", "180"));
        assertThat(loosened)
                .contains("Strenger mag, soepeler niet: het programma geeft hier 30 dagen.")
                .contains("value=\"45\"");
        mvc.perform(post("/findings/sla/organisation")
                        .param("organisationId", APPELKERKE.toString())
                        .param("critical", "3")
                        .param("high", "14")
                        .param("medium", "60")
                        .param("low", "120")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(redirectedUrl("/findings/sla?organisation=" + APPELKERKE));
        UUID id = create(title);
        assertThat(jdbc.sql("SELECT due_date - sla_start FROM finding WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .as("a high finding under the tightened profile")
                .isEqualTo(14);
        // Another organisation's SLA is not this admin's to set.
        mvc.perform(post("/findings/sla/organisation")
                        .param("organisationId", DemoOrganisationIds.OCMW_MUNTHOVE.toString())
                        .param("critical", "1")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProgrammeOfficeSetsTheDefault() throws Exception {
        CurrentUser officer = TestUsers.programmeOfficer();
        assertThat(page("/findings/sla", officer)).contains("Standaard van het programma aanpassen");
        try {
            mvc.perform(post("/findings/sla")
                            .param("critical", "5")
                            .param("high", "30")
                            .param("medium", "90")
                            .param("low", "180")
                            .with(signedIn(officer))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/findings/sla"));
            assertThat(page("/findings/sla", officer)).contains("5 dagen");
            mvc.perform(post("/findings/sla")
                            .param("critical", "1")
                            .with(signedIn(iso))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        } finally {
            jdbc.sql("UPDATE finding_sla_programme SET critical_days = 7, high_days = 30, medium_days = 90,"
                            + " low_days = 180, informational_days = NULL")
                    .update();
        }
    }

    private UUID create(String name) throws Exception {
        String location = mvc.perform(post("/findings")
                        .param("organisationId", APPELKERKE.toString())
                        .param("title", name)
                        .param("severity", "HIGH")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/findings/[0-9a-f-]{36}");
        return UUID.fromString(location.substring("/findings/".length()));
    }

    private MvcResult step(String path, Map<String, String> params) throws Exception {
        var request = post(path).with(signedIn(iso)).with(csrf());
        params.forEach(request::param);
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
    }

    private String statusOf(UUID id) {
        return jdbc.sql("SELECT status FROM finding WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private UUID findingId(String title) {
        return jdbc.sql("SELECT id FROM finding WHERE title = :title")
                .param("title", title)
                .query(UUID.class)
                .single();
    }

    private static String today() {
        return java.time.LocalDate.now(be.bolwerk.shared.BelgianTime.ZONE).toString();
    }

    /** A form the organisation's ISO sent that comes back refused (200, the form again): the page. */
    private String refusedByIso(MockHttpServletRequestBuilder form) throws Exception {
        return mvc.perform(form.with(signedIn(iso)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private CurrentUser account(String email, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, Set.of(), memberships);
    }
}
