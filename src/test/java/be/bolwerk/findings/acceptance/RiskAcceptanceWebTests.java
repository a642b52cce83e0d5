package be.bolwerk.findings.acceptance;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.audit.AuditFixtures;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The risk-acceptance pages and API with security: the list of the own organisation only (filters, empty state),
 * proposing with a PDF proof (checked by content, downloaded as an attachment by members only), a refused expiry
 * next to its field with what was typed kept, four eyes against a forged POST of the proposer, confirmation
 * required, viewers and other organisations refused, the programme's maximum durations for programme officers only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RiskAcceptanceWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();
    private static final String DEMO_ACTIVE = "Weegbrug-pc blijft tot de nieuwe weegbrug";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Raising raising;
    private final Clock clock;
    private final String title = "Webtest RA " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser marc;
    private CurrentUser viewer;
    private CurrentUser stranger;

    RiskAcceptanceWebTests(
            @Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Raising raising, @Autowired Clock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.raising = raising;
        this.clock = clock;
    }

    @BeforeEach
    void people() {
        iso = account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        marc = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        viewer = account("lezer@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.VIEWER));
        stranger = account("iso@munthove.invalid", Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM risk_acceptance WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        jdbc.sql("DELETE FROM finding WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
        jdbc.sql("UPDATE risk_acceptance_maximum SET critical_months = 3, high_months = 6, medium_months = 12,"
                        + " low_months = 12, informational_months = 12 WHERE id = 1")
                .update();
    }

    @Test
    void theListShowsTheOwnOrganisationsAcceptancesWithFiltersAndAnEmptyState() throws Exception {
        assertThat(page("/findings/risk-acceptances", iso))
                .contains(DEMO_ACTIVE)
                .contains("Actief");
        assertThat(page("/findings/risk-acceptances?status=PROPOSED", iso))
                .contains("Usb-sticks tot de uitrol")
                .doesNotContain(DEMO_ACTIVE);
        assertThat(page("/findings/risk-acceptances?q=zzzz-nergens", iso))
                .contains("Geen risicoaanvaardingen die hierbij passen");
        assertThat(page("/findings/risk-acceptances?status=BOGUS&sort=nope&page=-2&dir=x", iso))
                .contains(DEMO_ACTIVE);
        assertThat(page("/findings/risk-acceptances?sort=title&dir=desc", iso)).contains("aria-sort=\"descending\"");
        assertThat(page("/findings/risk-acceptances", stranger)).doesNotContain(DEMO_ACTIVE);
        assertThat(page("/api/v1/findings/risk-acceptances", iso)).contains(DEMO_ACTIVE);
        assertThat(page("/api/v1/findings/risk-acceptances", stranger)).doesNotContain(DEMO_ACTIVE);
    }

    @Test
    void aMemberProposesWithAPdfProofThatOnlyMembersDownload() throws Exception {
        FindingId finding = finding(" pc", Severity.HIGH);
        assertThat(page("/findings/" + finding, marc)).contains("/findings/risk-acceptances/new?finding=" + finding);
        assertThat(page("/findings/risk-acceptances/new?finding=" + finding, marc))
                .contains(title + " pc")
                .contains("checked");
        byte[] pdf = AuditFixtures.pdf();
        String location = mvc.perform(proposal(finding, BelgianTime.today(clock).plusMonths(2))
                        .file(new MockMultipartFile("proof", "besluit.pdf", "application/pdf", pdf))
                        .with(signedIn(marc))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/findings/risk-acceptances/");
        String detail = page(location, marc);
        assertThat(detail)
                .contains(title)
                .contains("Voorgesteld")
                .contains("besluit.pdf")
                .doesNotContain("Goedkeuren");
        assertThat(page("/findings/" + finding, marc)).contains("Er is een risicoaanvaarding voorgesteld");

        byte[] downloaded = mvc.perform(get(location + "/proof").with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        mvc.perform(get(location + "/proof").with(signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(location).with(signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1" + location).with(signedIn(stranger))).andExpect(status().isNotFound());
        assertThat(page("/api/v1" + location, viewer)).contains(title).contains("\"hasProof\":true");
    }

    @Test
    void aProofThatIsNoPdfIsRefusedAndNothingIsStored() throws Exception {
        FindingId finding = finding(" nep", Severity.LOW);
        String body = mvc.perform(proposal(finding, BelgianTime.today(clock).plusMonths(2))
                        .file(new MockMultipartFile(
                                "proof", "besluit.pdf", "application/pdf", "%PDF-1.7 nep".getBytes()))
                        .with(signedIn(marc))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Het bewijsstuk moet een pdf zijn die opent").contains("Collegebesluit 2026/300");
        assertThat(count()).isZero();
    }

    @Test
    void anExpiryBeyondTheMaximumIsRefusedNextToTheFieldKeepingWhatWasTyped() throws Exception {
        FindingId finding = finding(" kritiek", Severity.CRITICAL);
        LocalDate tooLate = BelgianTime.today(clock).plusMonths(3).plusDays(1);
        String body = mvc.perform(
                        proposal(finding, tooLate).with(signedIn(marc)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains("id=\"expiresOn-error\"")
                .contains("hoogstens 3 maanden")
                .contains("value=\"" + tooLate + "\"")
                .contains("Apart netwerk en logging");
        assertThat(count()).isZero();
        String noFinding = mvc.perform(multipart("/findings/risk-acceptances")
                        .param("organisationId", APPELKERKE.toString())
                        .param("title", title)
                        .param("decision", "ACCEPT")
                        .param("measures", "x")
                        .param("reference", "y")
                        .param("ownerId", iso.id().toString())
                        .param("expiresOn", "2027-02-30")
                        .with(signedIn(marc))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(noFinding).contains("Kies minstens één bevinding").contains("Geef een geldige datum");
    }

    @Test
    void fourEyesAForgedApprovalOfTheProposerIsRefusedAndAnotherAdminApproves() throws Exception {
        FindingId finding = finding(" server", Severity.MEDIUM);
        String location = propose(finding, iso);
        assertThat(page(location, iso))
                .contains("Je stelde deze risicoaanvaarding zelf voor")
                .doesNotContain("/approve");
        mvc.perform(post(location + "/approve")
                        .param("confirmed", "true")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "findings.acceptance.rule.fourEyes"));
        mvc.perform(post(location + "/reject")
                        .param("reason", "Toch niet")
                        .param("confirmed", "true")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "findings.acceptance.rule.fourEyes"));
        assertThat(statusOf(location)).isEqualTo("PROPOSED");

        CurrentUser secondAdmin = new CurrentUser(
                UUID.randomUUID(),
                "tweede@appelkerke.invalid",
                "Tweede beheerder",
                null,
                true,
                Set.of(),
                Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        assertThat(page(location, secondAdmin)).contains("/approve");
        mvc.perform(post(location + "/approve").with(signedIn(secondAdmin)).with(csrf()))
                .andExpect(flash().attribute("problem", "findings.acceptance.rule.confirm"));
        mvc.perform(post(location + "/approve")
                        .param("confirmed", "true")
                        .with(signedIn(marc))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/approve")
                        .param("confirmed", "true")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/approve")
                        .param("confirmed", "true")
                        .with(signedIn(secondAdmin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "findings.acceptance.approved"));
        assertThat(statusOf(location)).isEqualTo("ACTIVE");
        assertThat(page("/findings/" + finding, iso))
                .contains("Risico aanvaard")
                .contains("Het risico is aanvaard tot");

        mvc.perform(post(location + "/revoke")
                        .param("reason", "Update beschikbaar")
                        .param("confirmed", "true")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "findings.acceptance.revoked"));
        assertThat(statusOf(location)).isEqualTo("REVOKED");
        assertThat(page("/findings/" + finding, iso)).contains("Heropend");
    }

    @Test
    void viewersDoNotProposeAndOutsidersSeeNothing() throws Exception {
        FindingId finding = finding(" kast", Severity.LOW);
        assertThat(page("/findings/risk-acceptances", viewer))
                .doesNotContain("href=\"/findings/risk-acceptances/new\"");
        mvc.perform(get("/findings/risk-acceptances/new").with(signedIn(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(proposal(finding, BelgianTime.today(clock).plusMonths(2))
                        .with(signedIn(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(proposal(finding, BelgianTime.today(clock).plusMonths(2))
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/findings/risk-acceptances/new?finding=" + finding).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        for (Persona persona : Set.of(Persona.PROGRAMME_OFFICER, Persona.AUDITOR, Persona.STUDENT)) {
            CurrentUser outsider = TestUsers.persona(persona);
            for (String path : new String[] {"/findings/risk-acceptances", "/api/v1/findings/risk-acceptances"}) {
                String body = mvc.perform(get(path).with(signedIn(outsider)))
                        .andExpect(status().isForbidden())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(body).doesNotContain(DEMO_ACTIVE);
            }
        }
        assertThat(count()).isZero();
    }

    @Test
    void programmeOfficersSetTheMaximumDurationAndNobodyElse() throws Exception {
        CurrentUser officer = TestUsers.programmeOfficer();
        assertThat(page("/findings/sla", officer)).contains("/findings/sla/risk-acceptance");
        assertThat(page("/findings/sla/risk-acceptance", officer)).contains("value=\"3\"");
        String refused = mvc.perform(post("/findings/sla/risk-acceptance")
                        .param("critical", "0")
                        .param("high", "6")
                        .param("medium", "12")
                        .param("low", "12")
                        .param("informational", "12")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Geef een aantal maanden van 1 tot 60").contains("id=\"critical-error\"");
        mvc.perform(post("/findings/sla/risk-acceptance")
                        .param("critical", "2")
                        .param("high", "6")
                        .param("medium", "12")
                        .param("low", "12")
                        .param("informational", "12")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "findings.acceptance.maximum.saved"));
        assertThat(jdbc.sql("SELECT critical_months FROM risk_acceptance_maximum")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get("/findings/sla/risk-acceptance").with(signedIn(iso))).andExpect(status().isForbidden());
        mvc.perform(post("/findings/sla/risk-acceptance")
                        .param("critical", "60")
                        .param("high", "60")
                        .param("medium", "60")
                        .param("low", "60")
                        .param("informational", "60")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    private String propose(FindingId finding, CurrentUser by) throws Exception {
        return mvc.perform(proposal(finding, BelgianTime.today(clock).plusMonths(2))
                        .with(signedIn(by))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    private MockMultipartHttpServletRequestBuilder proposal(FindingId finding, LocalDate expiry) {
        return multipart("/findings/risk-acceptances")
                .param("organisationId", APPELKERKE.toString())
                .param("findings", finding.toString())
                .param("title", title)
                .param("decision", "MITIGATE")
                .param("measures", "Apart netwerk en logging")
                .param("reference", "Collegebesluit 2026/300")
                .param("ownerId", iso.id().toString())
                .param("expiresOn", expiry.toString());
    }

    private FindingId finding(String suffix, Severity severity) {
        return raising.raise(
                APPELKERKE, new Finding.Details(title + suffix, "", severity, "", "", null, null, "", false, ""), marc);
    }

    private String statusOf(String location) {
        return jdbc.sql("SELECT status FROM risk_acceptance WHERE id = :id")
                .param("id", UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))
                .query(String.class)
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM risk_acceptance WHERE title LIKE :t")
                .param("t", title + "%")
                .query(Long.class)
                .single();
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
