package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The answer pages with security and CSRF: topics, contents, the "only unanswered" filter and the areas
 * around; the first step of a new evaluation; both versions after a colleague's save of the same field, and
 * the merge; feedback next to the control; confirming carried-over answers; the second step of submitting.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnsweringWebTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Frameworks frameworks;

    AnsweringWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Frameworks frameworks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.frameworks = frameworks;
    }

    private UUID start(CurrentUser admin, UUID organisation, String framework) throws Exception {
        return Fixtures.start(mvc, admin, organisation, Fixtures.builtIn(jdbc, framework), Fixtures.THIS_YEAR);
    }

    @Test
    void aNewEvaluationLeadsToTheFirstAreaWhichHasTopicsContentsAFilterAndANextArea() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(admin, organisation, "zelfevaluatie-ict");

        mvc.perform(get("/assessments/{id}", id).with(signedIn(admin)))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"next-step\""),
                                containsString("href=\"/assessments/" + id + "/areas/1\">Begin bij gebied 1 "),
                                containsString("Begin bij gebied 1 "),
                                containsString("0 van 14 beantwoord"))));
        mvc.perform(get("/assessments/{id}/areas/1", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Inhoud van dit gebied"),
                                containsString("<h2 id=\"topic-heading-1_d1\">Risicoanalyse en risicoregister"),
                                containsString("href=\"#control-1_d1_d1\""),
                                containsString("Volgend gebied: 2 "),
                                not(containsString("Vorig gebied")))));

        mvc.perform(post("/assessments/{id}/answers/{ref}", id, "1.1.1")
                        .param("documentation", "3")
                        .param("implementation", "3")
                        .param("revision", "0")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/assessments/" + id + "/areas/1#control-1_d1_d1"))
                .andExpect(flash().attribute("feedbackRef", "1.1.1"))
                .andExpect(flash().attribute("feedback", "assessment.answer.saved"));
        mvc.perform(get("/assessments/{id}/areas/1", id)
                        .param("only", "unanswered")
                        .with(signedIn(admin)))
                .andExpect(content()
                        .string(allOf(
                                not(containsString("id=\"control-1_d1_d1\"")),
                                containsString("id=\"control-1_d1_d2\""),
                                containsString("Alle vragen tonen"))));
        mvc.perform(get("/assessments/{id}/areas/2", id).with(signedIn(admin)))
                .andExpect(content().string(containsString("Vorig gebied: 1 ")));
    }

    @Test
    void aColleaguesSaveOfTheSameFieldShowsBothVersionsAndTheMergeSavesAgainstTheirRevision() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser ann = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser bert = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(ann, organisation, "quickscan-actiedomeinen");
        save(id, ann, "2", "2", "Ann: beleid goedgekeurd", "0");

        // Bert's page still showed "no answer" (revision 0): his comment meets Ann's.
        mvc.perform(post("/assessments/{id}/answers/{ref}", id, "AD01.1")
                        .param("documentation", "2")
                        .param("implementation", "4")
                        .param("comment", "Bert: wordt herzien")
                        .param("revision", "0")
                        .with(signedIn(bert))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(allOf(
                                containsString("Een collega wijzigde dit antwoord intussen"),
                                containsString("Ann: beleid goedgekeurd"),
                                containsString("Bert: wordt herzien"),
                                containsString("name=\"keepStored\" value=\"comment\""))));
        assertThat(comment(id, "AD01.1")).isEqualTo("Ann: beleid goedgekeurd@1");

        // With htmx the merge form lands next to the control.
        mvc.perform(post("/assessments/{id}/answers/{ref}", id, "AD01.1")
                        .header("HX-Request", "true")
                        .param("documentation", "2")
                        .param("implementation", "2")
                        .param("comment", "Bert: wordt herzien")
                        .param("revision", "0")
                        .with(signedIn(bert))
                        .with(csrf()))
                .andExpect(header().string("HX-Retarget", "#merge-AD01_d1"))
                .andExpect(content().string(containsString("Bert: wordt herzien")));

        // The merge: Bert's own text, edited, against Ann's revision.
        save(id, bert, "2", "4", "Ann: beleid goedgekeurd. Bert: wordt herzien", "1");
        assertThat(comment(id, "AD01.1")).isEqualTo("Ann: beleid goedgekeurd. Bert: wordt herzien@2");
    }

    @Test
    void aChangeToAnotherFieldIsMergedAndSaid() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser ann = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser bert = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(ann, organisation, "quickscan-actiedomeinen");
        save(id, ann, "2", "2", null, "0");
        save(id, ann, "3", "2", null, "1");

        mvc.perform(post("/assessments/{id}/answers/{ref}", id, "AD01.1")
                        .param("documentation", "2")
                        .param("implementation", "2")
                        .param("comment", "Bert")
                        .param("revision", "1")
                        .with(signedIn(bert))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.answer.merged"));
        assertThat(comment(id, "AD01.1")).isEqualTo("Bert@3");
        assertThat(jdbc.sql(
                                "SELECT documentation FROM assessment_answer WHERE assessment_id = :id AND control_ref = 'AD01.1'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void evidenceFeedbackGoesToTheControlsEvidence() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(admin, organisation, "quickscan-actiedomeinen");

        // Where the area page shows it (inside #evidence-<control>, as an alert) is walked in AnsweringBrowserTests:
        // MockMvc keeps flash attributes in its own session, which Spring Session does not read.
        mvc.perform(post("/assessments/{id}/answers/{ref}/links", id, "AD02.1")
                        .param("url", "javascript:alert(1)")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/assessments/" + id + "/areas/AD02#evidence-AD02_d1"))
                .andExpect(flash().attribute("feedbackRef", "AD02.1"))
                .andExpect(flash().attribute("feedbackPlace", "evidence"))
                .andExpect(flash().attribute("feedback", "assessment.evidence.link"))
                .andExpect(flash().attribute("feedbackOk", false));
        mvc.perform(post("/assessments/{id}/answers/{ref}/links", id, "AD02.1")
                        .param("url", "https://intranet.example/beleid")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/assessments/" + id + "/areas/AD02#evidence-AD02_d1"))
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"))
                .andExpect(flash().attribute("feedbackOk", true));
    }

    @Test
    void carriedOverAnswersAreConfirmedPerControlOrAreaAndSubmittingAsksHowManyAreStillToConfirm() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        List<FrameworkNode> controls =
                frameworks.get(FrameworkVersionId.of(framework)).controls();
        UUID last = Fixtures.storedAssessment(
                jdbc, organisation, framework, Fixtures.THIS_YEAR - 1, "SUBMITTED", new BigDecimal("3.0"), true);
        controls.forEach(c -> Fixtures.storedAnswer(jdbc, organisation, last, c.ref(), 3, 3, null, 1));
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser viewer = Fixtures.person(organisation, OrganisationRole.VIEWER);
        UUID id = start(admin, organisation, "quickscan-actiedomeinen");

        mvc.perform(get("/assessments/{id}/areas/AD01", id).with(signedIn(admin)))
                .andExpect(content()
                        .string(allOf(
                                containsString("Overgenomen, te bevestigen"),
                                containsString("/assessments/" + id + "/areas/AD01/confirm"))));
        mvc.perform(post("/assessments/{id}/answers/{ref}/confirm", id, "AD01.1")
                        .with(signedIn(admin)))
                .andExpect(status().isForbidden());
        // A viewer reads the area (ADR 0018) but confirms nothing.
        mvc.perform(post("/assessments/{id}/areas/{ref}/confirm", id, "AD01")
                        .with(signedIn(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/{id}/answers/{ref}/confirm", id, "AD01.1")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/assessments/" + id + "/areas/AD01#control-AD01_d1"))
                .andExpect(flash().attribute("feedback", "assessment.carryOver.confirmed"));
        mvc.perform(post("/assessments/{id}/areas/{ref}/confirm", id, "AD02")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.carryOver.confirmedArea"));
        int left = controls.size()
                - 1
                - (int) controls.stream()
                        .filter(c -> c.ref().startsWith("AD02."))
                        .count();

        mvc.perform(post("/assessments/{id}/submit", id)
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/assessments/" + id + "/submit"));
        mvc.perform(get("/assessments/{id}/submit", id).with(signedIn(admin)))
                .andExpect(content()
                        .string(allOf(
                                containsString(left + " antwoorden zijn overgenomen van vorig jaar"),
                                containsString("name=\"unconfirmedAccepted\""))));
        assertThat(Fixtures.status(jdbc, id)).isEqualTo("DRAFT");
        mvc.perform(post("/assessments/{id}/submit", id)
                        .param("confirmed", "true")
                        .param("unconfirmedAccepted", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.submit.done"));
        assertThat(Fixtures.status(jdbc, id)).isEqualTo("SUBMITTED");
    }

    @Test
    void anotherOrganisationsAssessmentIsUnknownToTheNewEndpoints() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(admin, organisation, "quickscan-actiedomeinen");
        CurrentUser stranger = Fixtures.stranger();

        mvc.perform(post("/assessments/{id}/answers/{ref}/confirm", id, "AD01.1")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/areas/{ref}/confirm", id, "AD01")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/submit", id).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/areas/{ref}", id, "AD01")
                        .param("only", "unanswered")
                        .with(signedIn(stranger)))
                .andExpect(status().isNotFound());
    }

    private void save(UUID id, CurrentUser who, String doc, String impl, String comment, String revision)
            throws Exception {
        var request = post("/assessments/{id}/answers/{ref}", id, "AD01.1")
                .param("documentation", doc)
                .param("implementation", impl)
                .param("revision", revision)
                .with(signedIn(who))
                .with(csrf());
        if (comment != null) {
            request.param("comment", comment);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private String comment(UUID id, String ref) {
        return jdbc.sql("""
                        SELECT COALESCE(comment, '-') || '@' || revision FROM assessment_answer
                        WHERE assessment_id = :id AND control_ref = :ref
                        """)
                .param("id", id)
                .param("ref", ref)
                .query(String.class)
                .single();
    }
}
