package be.bolwerk.incident.response;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.playbook.Playbooks;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.validation.BindingResult;

/**
 * The handling page and its forms over HTTP: what the CRT and the organisation each see, that only the CRT triages
 * (403 for the organisation's admin, 404 for another organisation, CSRF required), and that a refused form comes
 * back with what was typed and the refusal next to the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandlingWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final IncidentFixtures fixtures;
    private final IncidentStore store;
    private final JdbcClient jdbc;
    private final CurrentUser analyst;
    private final CurrentUser admin;
    private final CurrentUser otherAdmin;
    private final String marker = "Web " + UUID.randomUUID().toString().substring(0, 8);

    HandlingWebTests(
            @Autowired MockMvc mvc,
            @Autowired IncidentFixtures fixtures,
            @Autowired IncidentStore store,
            @Autowired JdbcClient jdbc,
            @Autowired UserDetailsService users) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.store = store;
        this.jdbc = jdbc;
        this.analyst = (CurrentUser) users.loadUserByUsername("analist@crt.invalid");
        this.admin = (CurrentUser) users.loadUserByUsername("iso@appelkerke.invalid");
        this.otherAdmin = (CurrentUser) users.loadUserByUsername("iso@munthove.invalid");
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
        jdbc.sql("DELETE FROM incident_playbook_task WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
    }

    private Incident reported() {
        return fixtures.report(
                APPELKERKE,
                marker + " bestanden versleuteld",
                new Actor(admin.id(), admin.displayName()),
                Instant.now());
    }

    private MvcResult triage(Incident incident, CurrentUser user, String category) throws Exception {
        return mvc.perform(post("/incidents/{id}/handling/triage", incident.id().value())
                        .with(signedIn(user))
                        .with(csrf())
                        .param("revision", "0")
                        .param("severity", "HIGH")
                        .param("category", category)
                        .param("leadAnalyst", analyst.id().toString())
                        .param("tlp", "AMBER"))
                .andReturn();
    }

    @Test
    void theCrtSeesTheTriageFormWithTheDefinitions() throws Exception {
        Incident incident = reported();
        String page = mvc.perform(
                        get("/incidents/{id}/handling", incident.id().value()).with(signedIn(analyst)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(incident.reference())
                .contains("id=\"triage\"")
                .contains("Kritieke diensten aan burgers liggen stil")
                .contains("TLP:AMBER+STRICT")
                .contains("Alleen binnen de eigen organisatie.")
                .contains(analyst.displayName());
    }

    @Test
    void theOrganisationReadsAlongWithoutTheCrtForms() throws Exception {
        Incident incident = reported();
        triage(incident, analyst, "RANSOMWARE");
        MvcResult result = mvc.perform(
                        get("/incidents/{id}/handling", incident.id().value()).with(signedIn(admin)))
                .andReturn();
        String page = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(page)
                .contains("Beoordeeld")
                .contains("Losgeldbericht bewaren")
                .doesNotContain("id=\"triage\"")
                .doesNotContain("id=\"steps\"")
                .doesNotContain("/steps/");
    }

    @Test
    void anotherOrganisationGetsNotFound() throws Exception {
        Incident incident = reported();
        MvcResult page = mvc.perform(
                        get("/incidents/{id}/handling", incident.id().value()).with(signedIn(otherAdmin)))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(page.getResponse().getContentAsString()).doesNotContain(incident.reference());
        assertThat(triage(incident, otherAdmin, "RANSOMWARE").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void theOrganisationsAdminCannotTriage() throws Exception {
        Incident incident = reported();
        assertThat(triage(incident, admin, "RANSOMWARE").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void triageNeedsTheCsrfToken() throws Exception {
        Incident incident = reported();
        int status = mvc.perform(
                        post("/incidents/{id}/handling/triage", incident.id().value())
                                .with(signedIn(analyst))
                                .param("revision", "0")
                                .param("severity", "HIGH")
                                .param("category", "RANSOMWARE")
                                .param("leadAnalyst", analyst.id().toString())
                                .param("tlp", "AMBER"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void aRefusedTriageKeepsWhatWasChosenAndNamesTheField() throws Exception {
        Incident incident = reported();
        MvcResult result = triage(incident, analyst, "NO_SUCH_CATEGORY");

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/handling#triage");
        TriageForm kept = (TriageForm) result.getFlashMap().get("triageForm");
        assertThat(kept.severity()).isEqualTo("HIGH");
        assertThat(kept.leadAnalyst()).isEqualTo(analyst.id().toString());
        BindingResult binding =
                (BindingResult) result.getFlashMap().get("org.springframework.validation.BindingResult.triageForm");
        assertThat(binding.getFieldError("category").getCode()).isEqualTo("incident.rule.categoryRequired");
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void closingAsksForConfirmationAndKeepsTheOutcome() throws Exception {
        Incident incident = reported();
        triage(incident, analyst, "MALWARE");
        for (String step : new String[] {"contain", "eradicate", "recover"}) {
            int revision = store.find(incident.id()).orElseThrow().revision();
            mvc.perform(
                    post("/incidents/{id}/handling/steps/{step}", incident.id().value(), step)
                            .with(signedIn(analyst))
                            .with(csrf())
                            .param("revision", String.valueOf(revision)));
        }
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.RECOVERED);

        MvcResult unconfirmed = mvc.perform(post(
                                "/incidents/{id}/handling/steps/close",
                                incident.id().value())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("revision", "4")
                        .param("outcome", "Toestel opnieuw geinstalleerd")
                        .param("impact", "Een halve dag"))
                .andReturn();
        assertThat(unconfirmed.getFlashMap().get("stepProblem")).isEqualTo("incident.rule.confirmRequired");
        assertThat(((StepForm) unconfirmed.getFlashMap().get("stepForm")).outcome())
                .isEqualTo("Toestel opnieuw geinstalleerd");
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.RECOVERED);

        MvcResult stale = mvc.perform(post(
                                "/incidents/{id}/handling/steps/close",
                                incident.id().value())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("revision", "1")
                        .param("outcome", "x")
                        .param("impact", "y")
                        .param("confirmed", "true"))
                .andReturn();
        assertThat(stale.getFlashMap().get("stepProblem")).isEqualTo("incident.rule.stale");

        mvc.perform(post("/incidents/{id}/handling/steps/close", incident.id().value())
                .with(signedIn(analyst))
                .with(csrf())
                .param("revision", "4")
                .param("outcome", "Toestel opnieuw geinstalleerd")
                .param("impact", "Een halve dag")
                .param("confirmed", "true"));
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void anUnknownStepIsNotFound() throws Exception {
        Incident incident = reported();
        int status = mvc.perform(post(
                                "/incidents/{id}/handling/steps/explode",
                                incident.id().value())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("revision", "0"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(404);
    }

    @Test
    void playbooksAreTheCrtsAndKeepARefusedForm() throws Exception {
        assertThat(mvc.perform(get("/incidents/playbooks").with(signedIn(admin)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        String page = mvc.perform(get("/incidents/playbooks").with(signedIn(analyst)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Losgeldbericht bewaren").contains("Overbelastingsaanval");

        MvcResult refused = mvc.perform(post("/incidents/playbooks")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("category", "MALWARE")
                        .param("title", marker + " logboeken veiligstellen")
                        .param("side", "CRT")
                        .param("dueHours", "-3"))
                .andReturn();
        BindingResult binding =
                (BindingResult) refused.getFlashMap().get("org.springframework.validation.BindingResult.playbookForm");
        assertThat(binding.getFieldError("dueHours").getCode()).isEqualTo(Playbooks.DUE_RANGE);
        assertThat(((PlaybookForm) refused.getFlashMap().get("playbookForm")).title())
                .startsWith(marker);

        mvc.perform(post("/incidents/playbooks")
                .with(signedIn(analyst))
                .with(csrf())
                .param("category", "MALWARE")
                .param("title", marker + " logboeken veiligstellen")
                .param("side", "CRT")
                .param("dueHours", "6"));
        UUID added = jdbc.sql("SELECT id FROM incident_playbook_task WHERE title LIKE :m")
                .param("m", marker + "%")
                .query(UUID.class)
                .single();
        mvc.perform(post("/incidents/playbooks/{id}/up", added)
                .with(signedIn(analyst))
                .with(csrf()));
        int position = jdbc.sql("SELECT position FROM incident_playbook_task WHERE id = :id")
                .param("id", added)
                .query(Integer.class)
                .single();
        int last = jdbc.sql("SELECT MAX(position) FROM incident_playbook_task WHERE category = 'MALWARE'")
                .query(Integer.class)
                .single();
        assertThat(position).isEqualTo(last - 1);

        mvc.perform(post("/incidents/playbooks/{id}/remove", added)
                .with(signedIn(analyst))
                .with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_playbook_task WHERE id = :id")
                        .param("id", added)
                        .query(Integer.class)
                        .single())
                .as("not removed without confirmation")
                .isEqualTo(1);
        mvc.perform(post("/incidents/playbooks/{id}/remove", added)
                .with(signedIn(analyst))
                .with(csrf())
                .param("confirmed", "true"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_playbook_task WHERE id = :id")
                        .param("id", added)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
