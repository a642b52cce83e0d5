package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.CampaignStore;
import be.bolwerk.campaign.running.ReminderSchedule;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page of an organisation member is their work list: the evaluation with its progress, the areas
 * given to them with links, and their open improvement actions soonest first, an overdue one marked; a
 * member with nothing to do sees that said plainly.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkListWebTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final CampaignStore campaigns;

    WorkListWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired CampaignStore campaigns) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    private UUID action(UUID organisation, UUID assessment, String ref, String title, UUID owner, LocalDate due) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO improvement_action (organisation_id, id, assessment_id, control_ref, title,
                            owner_id, due_date, priority, created_by, created_at)
                        VALUES (:org, :id, :assessment, :ref, :title, :owner, :due, 'HIGH', :owner, CURRENT_TIMESTAMP)
                        """)
                .param("org", organisation)
                .param("id", id)
                .param("assessment", assessment)
                .param("ref", ref)
                .param("title", title)
                .param("owner", owner)
                .param("due", java.sql.Date.valueOf(due))
                .update();
        return id;
    }

    @Test
    void aMemberSeesTheirEvaluationTheirAreasAndTheirActionsByDueDate() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        People.Person colleague =
                People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Cas Colleague", null, null);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID assessment = Fixtures.start(mvc, admin.user(), organisation, framework, Fixtures.THIS_YEAR);
        mvc.perform(post("/assessments/{id}/assignments", assessment)
                .param("areaRef", "AD02")
                .param("accountId", colleague.id().toString())
                .with(signedIn(admin.user()))
                .with(csrf()));
        Fixtures.storedAnswer(jdbc, organisation, assessment, "AD02.1", 2, 2, null, 1);
        LocalDate today = LocalDate.now(be.bolwerk.shared.BelgianTime.ZONE);
        action(organisation, assessment, "AD02.1", "Later werk", colleague.id(), today.plusDays(30));
        action(organisation, assessment, "AD02.1", "Te laat werk", colleague.id(), today.minusDays(3));
        action(organisation, assessment, "AD02.1", "Werk van Ada", admin.id(), today.plusDays(1));

        mvc.perform(get("/").with(signedIn(colleague.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uw werk")))
                .andExpect(content().string(containsString("/assessments/" + assessment + "\"")))
                .andExpect(content().string(containsString("/assessments/" + assessment + "/areas/AD02\"")))
                .andExpect(content().string(containsString("1 van ")))
                .andExpect(content().string(not(containsString("/areas/AD03\""))))
                .andExpect(content().string(containsString("te laat")))
                .andExpect(content().string(not(containsString("Werk van Ada"))))
                .andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("Te laat werk", "Later werk")));

        mvc.perform(get("/").with(signedIn(admin.user())))
                .andExpect(content().string(containsString("Werk van Ada")))
                .andExpect(content().string(containsString("Er is u geen domein gegeven om te beantwoorden.")))
                .andExpect(content().string(not(containsString("Te laat werk"))));
    }

    @Test
    void theWorkListShowsTheCampaignDeadlineOfTheEvaluation() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Dirk Deadline", null, null);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        Fixtures.start(mvc, admin.user(), organisation, framework, Fixtures.THIS_YEAR);
        mvc.perform(get("/").with(signedIn(admin.user())))
                .andExpect(content().string(not(containsString("In te dienen uiterlijk op"))));

        LocalDate today = LocalDate.now(be.bolwerk.shared.BelgianTime.ZONE);
        LocalDate deadline = today.plusDays(40);
        campaigns.insert(
                new Campaign(
                        new CampaignId(UUID.randomUUID()),
                        "Werklijst " + UUID.randomUUID(),
                        framework,
                        Fixtures.THIS_YEAR,
                        null,
                        today.minusDays(5),
                        deadline,
                        ReminderSchedule.DEFAULT,
                        admin.user().id(),
                        Instant.now()),
                Map.of(organisation, "Werklijstgemeente"));

        mvc.perform(get("/").with(signedIn(admin.user())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("In te dienen uiterlijk op "
                                + deadline.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")))));
    }

    @Test
    void aMemberWithNothingToDoIsToldSo() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person member = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Nele Niets", null, null);

        mvc.perform(get("/").with(signedIn(member.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uw organisatie heeft geen lopende zelfevaluatie.")))
                .andExpect(content().string(containsString("Er staan geen open verbeteracties op uw naam.")));
    }

    @Test
    void anotherOrganisationsEvaluationsAndActionsNeverShow() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID assessment = Fixtures.start(mvc, admin.user(), organisation, framework, Fixtures.THIS_YEAR);
        UUID other = Fixtures.freshOrganisation(jdbc);
        People.Person stranger = People.stored(jdbc, other, OrganisationRole.ORGANISATION_ADMIN, "Stan", null, null);
        // Even an action on the other organisation's assessment in the stranger's name stays hidden.
        action(organisation, assessment, "AD01.1", "Vreemde actie", stranger.id(), LocalDate.now());

        mvc.perform(get("/").with(signedIn(stranger.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(assessment.toString()))))
                .andExpect(content().string(not(containsString("Vreemde actie"))));
    }
}
