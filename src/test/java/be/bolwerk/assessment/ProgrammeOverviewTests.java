package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.assessment.scoring.ProgrammeOverview;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The programme office's overview: participation and the distribution of submitted totals per organisation
 * type, for the programme officer only, without a single answer on the page. Uses a year no other test uses.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgrammeOverviewTests {

    private static final int YEAR = BelgianTime.yearOf(Instant.now()) - 2;

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    ProgrammeOverviewTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private void assessment(UUID organisation, String status, String total) {
        assessment(organisation, status, total, "quickscan-actiedomeinen");
    }

    private void assessment(UUID organisation, String status, String total, String framework) {
        UUID frameworkId = Fixtures.builtIn(jdbc, framework);
        BigDecimal score = total == null ? null : new BigDecimal(total);
        UUID id = Fixtures.storedAssessment(
                jdbc,
                organisation,
                frameworkId,
                YEAR,
                status,
                score,
                score == null ? null : score.compareTo(new BigDecimal("3.5")) >= 0);
        Fixtures.storedAnswer(jdbc, organisation, id, "AD01.1", 3, 3, "GEHEIM-ANTWOORD", 1);
    }

    private List<UUID> municipalities(int count) {
        return jdbc.sql("SELECT id FROM organisation WHERE type = 'MUNICIPALITY' ORDER BY name DESC LIMIT :n")
                .param("n", count)
                .query(UUID.class)
                .list();
    }

    @Test
    void theOfficerSeesParticipationAndTheDistributionButNoAnswers() throws Exception {
        List<UUID> towns = municipalities(3);
        assessment(towns.get(0), "SUBMITTED", "3.75");
        assessment(towns.get(1), "SUBMITTED", "2.10");
        assessment(towns.get(2), "DRAFT", null);

        String page = mvc.perform(get("/programme/assessments")
                        .param("year", String.valueOf(YEAR))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("GEHEIM-ANTWOORD"))))
                .andReturn()
                .getResponse()
                .getContentAsString();

        // Quick scan: 3 started, 2 submitted, 1 at the target level.
        assertThat(page.replaceAll("\\s+", " "))
                .contains(">3</td> <td class=\"numeric\">2</td> <td class=\"numeric\">1</td>")
                .contains("Organisaties met een zelfevaluatie ("
                        + jdbc.sql("SELECT COUNT(*) FROM assessment WHERE assessment_year = :year")
                                .param("year", YEAR)
                                .query(Long.class)
                                .single()
                        + ")");
        // Municipalities: one total in band 2–3, one in band 3–4.
        assertThat(page.replaceAll("\\s+", " "))
                .contains("<th scope=\"row\">Gemeente</th> <td class=\"numeric\">0</td> <td class=\"numeric\">0</td>"
                        + " <td class=\"numeric\">1</td> <td class=\"numeric\">1</td> <td class=\"numeric\">0</td>");
    }

    @Test
    void theOfficerSeesWhoHasNotStarted() throws Exception {
        UUID town = municipalities(4).get(3);
        assessment(town, "DRAFT", null, "zelfevaluatie-ict");
        String starter = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", town)
                .query(String.class)
                .single();
        String other = jdbc.sql("""
                        SELECT name FROM organisation o WHERE NOT EXISTS (
                            SELECT 1 FROM assessment a WHERE a.organisation_id = o.id AND a.assessment_year = :year)
                        ORDER BY name LIMIT 1
                        """).param("year", YEAR).query(String.class).single();
        UUID selfEvaluation = Fixtures.builtIn(jdbc, "zelfevaluatie-ict");

        String page = mvc.perform(get("/programme/assessments")
                        .param("year", String.valueOf(YEAR))
                        .param("missing", selfEvaluation.toString())
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String notStarted = page.substring(page.indexOf("id=\"not-started-heading\""));
        notStarted = notStarted.substring(0, notStarted.indexOf("</section>"));
        assertThat(notStarted).contains(other).doesNotContain(">" + starter + "<");
    }

    @Test
    void theDemoYearComesInPagesOf25WhoseLinksKeepTheYearAndTheSearch() throws Exception {
        int thisYear = BelgianTime.yearOf(Instant.now());

        String page = mvc.perform(get("/programme/assessments")
                        .param("q", "gemeente")
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String table = page.substring(page.indexOf("id=\"organisations-heading\""));
        assertThat(table.split("<tr>", -1)).hasSize(1 + 1 + 25);
        assertThat(table)
                .contains("<td>Gemeente</td>")
                .contains("<td>Ingediend</td>")
                .contains("href=\"/programme/assessments?year=" + thisYear + "&amp;q=gemeente&amp;page=1\"");
    }

    @Test
    void onlyTheProgrammeOfficeOpensIt() throws Exception {
        mvc.perform(get("/programme/assessments")
                        .with(signedIn(TestUsers.member(
                                DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/programme/assessments").param("year", "abc").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isNotFound());
    }

    @Test
    void totalsFallInBandsWithFiveInTheTopBand() {
        assertThat(ProgrammeOverview.band(new BigDecimal("0"))).isZero();
        assertThat(ProgrammeOverview.band(new BigDecimal("2.5"))).isEqualTo(2);
        assertThat(ProgrammeOverview.band(new BigDecimal("4.99"))).isEqualTo(4);
        assertThat(ProgrammeOverview.band(new BigDecimal("5"))).isEqualTo(4);
    }
}
