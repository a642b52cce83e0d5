package be.bolwerk.incident.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.intake.IncidentProperties;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard over HTTP: the analyst sees the waiting report with its countdown; the programme officer sees the
 * aggregates and not one reference or organisation name; an organisation's admin is refused; a period the page
 * does not offer falls back to 30 days with a notice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final IncidentFixtures fixtures;
    private final Clock clock;
    private final IncidentStore store;
    private final IncidentProperties properties;
    private final String marker = "Dashweb " + UUID.randomUUID().toString().substring(0, 8);

    DashboardWebTests(
            @Autowired MockMvc mvc,
            @Autowired IncidentFixtures fixtures,
            @Autowired Clock clock,
            @Autowired IncidentStore store,
            @Autowired IncidentProperties properties) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.clock = clock;
        this.store = store;
        this.properties = properties;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
    }

    private Incident waiting() {
        return fixtures.report(APPELKERKE, marker + " melding", new Actor(UUID.randomUUID(), "Ilse"), clock.instant());
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(TestUsers.signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theAnalystSeesTheWaitingReportWithItsCountdownAndEveryPanel() throws Exception {
        Incident incident = waiting();

        String html = page("/incidents/dashboard", TestUsers.persona(Persona.CRT_ANALYST));

        assertThat(html)
                .contains("Incidentdashboard")
                .contains(incident.reference())
                .contains("Gemeente Appelkerke")
                .contains("data-due=")
                .contains("Wachten op een eerste reactie")
                .contains("Open meldplichten")
                .contains("data-figure=\"stacked\"")
                .contains("id=\"months-table\"")
                .contains("Tijd tot inperking")
                .contains("aria-current=\"page\">Laatste 30 dagen")
                .doesNotContain("Die periode kent het dashboard niet");
    }

    @Test
    void theProgrammeOfficerSeesTheAggregatesButNoIncidentOrOrganisation() throws Exception {
        Incident incident = waiting();

        String html = page("/incidents/dashboard?period=365", TestUsers.persona(Persona.PROGRAMME_OFFICER));

        assertThat(html)
                .contains("Eerste reactie binnen de termijn")
                .contains("id=\"months-table\"")
                .contains("aria-current=\"page\">Laatste 365 dagen")
                .doesNotContain(incident.reference())
                .doesNotContain("Appelkerke")
                .doesNotContain("Wachten op een eerste reactie")
                .doesNotContain("Open meldplichten")
                .doesNotContain("breaches.csv");
        mvc.perform(get("/incidents/dashboard/breaches.csv")
                        .with(TestUsers.signedIn(TestUsers.persona(Persona.PROGRAMME_OFFICER))))
                .andExpect(status().isForbidden());
        String csv = mvc.perform(get("/incidents/dashboard/months.csv")
                        .with(TestUsers.signedIn(TestUsers.persona(Persona.PROGRAMME_OFFICER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\"Maand\";\"Ransomware\"").doesNotContain(incident.reference());
    }

    @Test
    void anOrganisationsPeopleAreRefused() throws Exception {
        for (OrganisationRole role : OrganisationRole.values()) {
            mvc.perform(get("/incidents/dashboard").with(TestUsers.signedIn(TestUsers.member(APPELKERKE, role))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/incidents/dashboard/months.csv")
                        .with(TestUsers.signedIn(TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/incidents/dashboard").with(TestUsers.signedIn(TestUsers.persona(Persona.AUDITOR))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPeriodThePageDoesNotOfferShowsThirtyDaysWithANotice() throws Exception {
        CurrentUser analyst = TestUsers.persona(Persona.CRT_ANALYST);
        for (String period : new String[] {"abc", "7", "-1", "99999999999999999999", "", "30%00", "<script>"}) {
            String html = mvc.perform(
                            get("/incidents/dashboard").param("period", period).with(TestUsers.signedIn(analyst)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .as(period)
                    .contains("Die periode kent het dashboard niet; u ziet de laatste 30 dagen.")
                    .contains("aria-current=\"page\">Laatste 30 dagen")
                    .doesNotContain("<script>\"");
        }
        mvc.perform(get("/incidents/dashboard/breaches.csv")
                        .param("period", "zzz")
                        .with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk());
    }

    @Test
    void theAnalystDownloadsTheLateFirstResponsesOfThePeriod() throws Exception {
        Instant reported = clock.instant().minus(Duration.ofHours(3));
        Incident incident =
                fixtures.report(APPELKERKE, marker + " te laat", new Actor(UUID.randomUUID(), "Ilse"), reported);
        Actor analyst = new Actor(UUID.randomUUID(), "Analist");
        incident.triage(
                IncidentSeverity.LOW,
                IncidentCategory.OTHER,
                analyst,
                Tlp.AMBER,
                analyst,
                reported.plus(properties.firstResponse(IncidentSeverity.LOW)).plus(Duration.ofMinutes(5)));
        store.update(incident);

        var response = mvc.perform(get("/incidents/dashboard/breaches.csv")
                        .param("period", "90")
                        .with(TestUsers.signedIn(TestUsers.persona(Persona.CRT_ANALYST))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("te-late-eerste-reacties-90.csv");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"" + incident.reference() + "\";\"Gemeente Appelkerke\";\"Laag\"")
                .contains(";\"5\"\r\n");
    }

    @Test
    void theBreachExportQuotesEveryCellAndNeverStartsAFormula() {
        assertThat(DashboardCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DashboardCsv.cell("INC-1")).isEqualTo("\"INC-1\"");
        assertThat(Period.of("90")).contains(Period.DAYS_90);
        assertThat(Period.of(" 365 ")).contains(Period.DAYS_365);
        assertThat(Period.of("31")).isEmpty();
        assertThat(Period.of(null)).isEmpty();
    }
}
