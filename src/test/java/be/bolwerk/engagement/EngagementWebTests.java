package be.bolwerk.engagement;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engagement pages and API with security, on the demo engagements: Appelkerke's under way (one finding
 * accepted, one waiting for review) and OCMW Munthove's waiting for its signature. Each person sees what is
 * theirs, the programme office only states and counts, a refused form keeps what was typed, another
 * organisation's engagement answers 404, and the signature cannot be given without its confirmation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EngagementWebTests {

    private static final String ACCEPTED = "Verouderde TLS-versie op het e-loket";
    private static final String AWAITING = "Beheerpagina van het CMS publiek bereikbaar";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    EngagementWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private String appelkerke;
    private String munthove;
    private CurrentUser iso;
    private CurrentUser supervisor;
    private CurrentUser student;

    @BeforeEach
    void demo() {
        appelkerke = engagementOf(DemoOrganisationIds.APPELKERKE.value());
        munthove = engagementOf(DemoOrganisationIds.OCMW_MUNTHOVE.value());
        iso = account(
                "iso@appelkerke.invalid",
                Set.of(),
                Map.of(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN));
        supervisor = account("begeleider@hogeschool.invalid", Set.of(Persona.HACKING_SUPERVISOR), Map.of());
        student = account("student@hogeschool.invalid", Set.of(Persona.STUDENT), Map.of());
    }

    @Test
    void theOrganisationSeesItsEngagementTheSignedTextAndOnlyAcceptedFindings() throws Exception {
        String page = page("/engagements/" + appelkerke, iso);
        assertThat(page)
                .contains("Externe test website en e-loket")
                .contains("SHA-256")
                .contains(ACCEPTED)
                .contains("Bolwerk regels van de opdracht ethisch hacken, versie 1");
        assertThat(page).as("a finding before review").doesNotContain(AWAITING);
        String hash = jdbc.sql("SELECT signed_hash FROM engagement WHERE id = :id")
                .param("id", UUID.fromString(appelkerke))
                .query(String.class)
                .single();
        assertThat(page).contains(hash);
        assertThat(page("/engagements", iso))
                .contains("Externe test website en e-loket")
                .doesNotContain("Munthove");
    }

    @Test
    void theCollegeSeesEveryFindingAndTheSupervisorMayReviewIt() throws Exception {
        String forSupervisor = page("/engagements/" + appelkerke, supervisor);
        assertThat(forSupervisor)
                .contains(ACCEPTED)
                .contains(AWAITING)
                .contains("Aanvaarden")
                .contains("Stoppen");
        String forStudent = page("/engagements/" + appelkerke, student);
        assertThat(forStudent).contains(AWAITING).contains("Nieuwe bevinding").doesNotContain("Aanvaarden");
        assertThat(page("/engagements", student))
                .contains("Externe test website en e-loket")
                .as("a student sees only the engagements assigned")
                .doesNotContain("Interne test van het netwerk");
        mvc.perform(get("/engagements/" + munthove).with(signedIn(student))).andExpect(status().isNotFound());
        assertThat(page("/engagements/" + appelkerke + "/stop", student)).contains("Wat zag u?");
    }

    @Test
    void theProgrammeOfficeSeesStatesAndCountsButNoFindingOrScope() throws Exception {
        CurrentUser officer = be.bolwerk.TestUsers.programmeOfficer();
        String list = page("/engagements", officer);
        assertThat(list)
                .contains("Opdrachten per stand")
                .contains("Gemeente Appelkerke")
                .contains("OCMW Munthove");
        String detail = page("/engagements/" + appelkerke, officer);
        assertThat(detail)
                .contains("Testen bezig")
                .doesNotContain(ACCEPTED)
                .doesNotContain(AWAITING)
                .doesNotContain("192.0.2.0/28")
                .doesNotContain("SHA-256");
        String api = mvc.perform(get("/api/v1/engagements/" + appelkerke).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api)
                .contains("\"acceptedFindings\":1")
                .contains("\"findings\":[]")
                .doesNotContain("TLS")
                .doesNotContain("192.0.2");
        mvc.perform(get("/engagements/" + appelkerke + "/stop").with(signedIn(officer)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiFollowsThePageRules() throws Exception {
        String list = mvc.perform(get("/api/v1/engagements").with(signedIn(iso)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(appelkerke).doesNotContain(munthove);
        String detail = mvc.perform(get("/api/v1/engagements/" + appelkerke).with(signedIn(iso)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains(ACCEPTED).doesNotContain(AWAITING).contains("\"valid\":true");
        mvc.perform(get("/api/v1/engagements/" + munthove).with(signedIn(iso)))
                .andExpect(status().isNotFound())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json"));
    }

    @Test
    void aRefusedScopeKeepsWhatWasTypedAndNamesTheField() throws Exception {
        String page = mvc.perform(post("/engagements")
                        .param("organisationId", DemoOrganisationIds.APPELKERKE.toString())
                        .param("college", "Hogeschool Voorbeeld")
                        .param("title", "Pentest raadhuis")
                        .param("ipRanges", "192.0.2.0/24\n300.1.2.3")
                        .param("timeWindows", "07-12-2026 08:00-17:00")
                        .param("sourceAddresses", "203.0.113.5")
                        .param("stopContacts", "Ilse; +32 50 12 34 56")
                        .param("credentialsHandover", "Geen")
                        .param("techniques", "PORT_SCANNING", "SOCIAL_ENGINEERING")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Dit is geen IP-adres of -bereik: 300.1.2.3")
                .contains("Pentest raadhuis")
                .contains("300.1.2.3")
                .contains("id=\"ipRanges-error\"");
        assertThat(page).containsPattern("value=\"SOCIAL_ENGINEERING\"[^>]*checked");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement WHERE title = 'Pentest raadhuis'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void signingNeedsTheConfirmationAndOnlyAnAdminMaySign() throws Exception {
        CurrentUser munthoveAdmin = account(
                "iso@munthove.invalid",
                Set.of(),
                Map.of(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN));
        mvc.perform(post("/engagements/" + munthove + "/signature")
                        .param("hash", "x")
                        .with(signedIn(munthoveAdmin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getFlashMap().get("problem")).isEqualTo("engagement.sign.confirmRequired"));
        CurrentUser viewer = new CurrentUser(
                UUID.randomUUID(),
                "v@x.invalid",
                "V",
                null,
                true,
                Set.of(),
                Map.of(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.VIEWER));
        mvc.perform(post("/engagements/" + munthove + "/signature")
                        .param("hash", "x")
                        .param("confirmed", "true")
                        .with(signedIn(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/engagements/" + munthove + "/signature")
                        .param("hash", "x")
                        .param("confirmed", "true")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT state FROM engagement WHERE id = :id")
                        .param("id", UUID.fromString(munthove))
                        .query(String.class)
                        .single())
                .isEqualTo("REQUESTED");
        assertThat(page("/engagements/" + munthove, munthoveAdmin))
                .contains("Ondertekenen")
                .contains("Wacht op handtekening");
    }

    @Test
    void aConsentThatIsNoPdfIsRefusedWithItsReason() throws Exception {
        CurrentUser munthoveAdmin = account(
                "iso@munthove.invalid",
                Set.of(),
                Map.of(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN));
        mvc.perform(multipart("/engagements/" + munthove + "/consents")
                        .file(new MockMultipartFile(
                                "file",
                                "akkoord.pdf",
                                "application/pdf",
                                "<html>geen pdf</html>".getBytes(StandardCharsets.UTF_8)))
                        .param("party", "Leverancier")
                        .param("kind", "SAAS_PROVIDER")
                        .with(signedIn(munthoveAdmin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getFlashMap().get("problem")).isEqualTo("engagement.file.pdfOnly"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'UPLOAD_REFUSED'"
                                + " AND details LIKE '%akkoord.pdf%'")
                        .query(Long.class)
                        .single())
                .as("the refused file is traced")
                .isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_consent WHERE engagement_id = :id")
                        .param("id", UUID.fromString(munthove))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theNewFormIsForOrganisationAdminsOnly() throws Exception {
        assertThat(page("/engagements/new", iso))
                .contains("Hogeschool Voorbeeld")
                .contains("Gemeente Appelkerke");
        mvc.perform(get("/engagements/new").with(signedIn(student))).andExpect(status().isForbidden());
        mvc.perform(get("/engagements/" + appelkerke + "/scope").with(signedIn(supervisor)))
                .andExpect(status().isForbidden());
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String engagementOf(UUID organisation) {
        return jdbc.sql("SELECT id FROM engagement WHERE organisation_id = :org AND requested_by IN"
                        + " (SELECT id FROM user_account WHERE email LIKE 'iso@%') ORDER BY requested_at LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .single()
                .toString();
    }

    private CurrentUser account(String email, Set<Persona> personas, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, personas, memberships);
    }
}
