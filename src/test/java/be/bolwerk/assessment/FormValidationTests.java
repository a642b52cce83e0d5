package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The answer and action forms are validated field by field: every bad field gets its own Dutch message (a bad
 * revision is a revision error, not a maturity error), nothing is stored, and the action form comes back with
 * what was typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormValidationTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    FormValidationTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired MessageSource messages) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private UUID draft(CurrentUser admin, UUID organisation) throws Exception {
        return Fixtures.start(
                mvc, admin, organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), Fixtures.THIS_YEAR);
    }

    private long answers(UUID assessment) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id")
                .param("id", assessment)
                .query(Long.class)
                .single();
    }

    @Test
    void eachBadAnswerFieldHasItsOwnMessageAndNothingIsStored() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = draft(admin, organisation);
        String[][] cases = {
            {"documentation", "7", "assessment.answer.maturityRange", "een getal van 0 tot 5"},
            {"implementation", "drie", "assessment.answer.maturityRange", "een getal van 0 tot 5"},
            {"justification", "x".repeat(2001), "assessment.answer.justificationTooLong", "langer dan 2000 tekens"},
            {"comment", "x".repeat(4001), "assessment.answer.commentTooLong", "langer dan 4000 tekens"},
            {"revision", "twee", "assessment.answer.revisionInvalid", "ongeldige versie van het antwoord"},
        };
        for (String[] c : cases) {
            mvc.perform(post("/assessments/{id}/answers/{ref}", assessment, "AD01.1")
                            .header("HX-Request", "true")
                            .param("documentation", "3")
                            .param("implementation", "3")
                            .param(c[0], c[1])
                            .with(signedIn(admin))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(model().attribute("outcome", c[2]))
                    .andExpect(model().attribute("ok", false))
                    .andExpect(content().string(containsString(c[3])));
        }
        assertThat(answers(assessment)).isZero();

        // Padding is not part of the answer: a level with spaces around it is the level.
        mvc.perform(post("/assessments/{id}/answers/{ref}", assessment, "AD01.1")
                        .header("HX-Request", "true")
                        .param("documentation", " 3 ")
                        .param("implementation", "4")
                        .param("revision", " ")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(model().attribute("outcome", "assessment.answer.saved"));
        assertThat(answers(assessment)).isOne();
    }

    @Test
    void eachBadActionFieldHasItsOwnMessageAndTheFormKeepsWhatWasTyped() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = draft(admin, organisation);

        MvcResult refused = mvc.perform(post("/assessments/{id}/actions", assessment)
                        .param("controlRef", "AD01.1")
                        .param("title", "  ")
                        .param("ownerId", "niet-iemand")
                        .param("dueDate", "volgende week")
                        .param("priority", "DRINGEND")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "problems",
                                List.of(
                                        "assessment.action.titleRequired",
                                        "assessment.action.ownerInvalid",
                                        "assessment.action.dueInvalid",
                                        "assessment.action.priorityRequired")))
                .andReturn();
        // The form comes back as it was typed, and every key is a Dutch sentence of its own.
        assertThat(refused.getFlashMap().get("actionForm").toString())
                .contains("ownerId=niet-iemand", "dueDate=volgende week", "priority=DRINGEND");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) refused.getFlashMap().get("problems");
        assertThat(problems.stream().map(key -> messages.getMessage(key, null, Locale.forLanguageTag("nl"))))
                .containsExactly(
                        "Beschrijf de actie.",
                        "Kies een eigenaar uit de lijst.",
                        "Geef een datum in de vorm jjjj-mm-dd.",
                        "Kies een prioriteit.");

        String farAway =
                BelgianTime.today(java.time.Clock.systemUTC()).plusYears(6).toString();
        mvc.perform(post("/assessments/{id}/actions", assessment)
                        .param("controlRef", "AD01.1")
                        .param("title", "Back-ups testen")
                        .param("dueDate", farAway)
                        .param("priority", "HIGH")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problems", List.of("assessment.action.dueOutOfRange")));
        mvc.perform(post("/assessments/{id}/actions", assessment)
                        .param("controlRef", "AD01.1")
                        .param("title", "  Back-ups testen  ")
                        .param("dueDate", LocalDate.now().plusMonths(1).toString())
                        .param("priority", "HIGH")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.action.created"));
        assertThat(jdbc.sql("SELECT title FROM improvement_action WHERE assessment_id = :id")
                        .param("id", assessment)
                        .query(String.class)
                        .list())
                .containsExactly("Back-ups testen");
    }
}
