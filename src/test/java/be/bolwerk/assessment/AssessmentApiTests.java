package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The assessment API: same scoping, same idempotent saves, refusals as problem+json. */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentApiTests {

    private static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    AssessmentApiTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private UUID startedFor(CurrentUser admin, UUID organisation) throws Exception {
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        return Fixtures.start(mvc, admin, organisation, framework, THIS_YEAR);
    }

    private static MockHttpServletRequestBuilder save(UUID id, String ref, String json, CurrentUser who) {
        return put("/api/v1/assessments/{id}/answers/{ref}", id, ref)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(signedIn(who))
                .with(csrf());
    }

    @Test
    void answersAreSavedReadAndRefusedLikeOnThePages() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = startedFor(admin, organisation);

        mvc.perform(save(id, "AD01.1", "{\"documentation\":2,\"implementation\":3}", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("SAVED"))
                .andExpect(jsonPath("$.answer.revision").value(1));
        mvc.perform(save(id, "AD01.1", "{\"documentation\":2,\"implementation\":3}", admin))
                .andExpect(jsonPath("$.outcome").value("UNCHANGED"));
        mvc.perform(save(id, "AD01.1", "{\"documentation\":4,\"implementation\":4,\"revision\":1}", admin))
                .andExpect(jsonPath("$.answer.revision").value(2));
        mvc.perform(save(id, "AD01.1", "{\"documentation\":5,\"implementation\":5,\"revision\":1}", admin))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(save(id, "AD01.1", "{\"documentation\":7}", admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(save(id, "AD01.1", "{\"comment\":\"nul\\u0000byte\"}", admin))
                .andExpect(status().isBadRequest());
        mvc.perform(save(id, "AD02.1", "{\"notApplicable\":true,\"justification\":\"x\"}", admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("sleutelmaatregel")));

        mvc.perform(get("/api/v1/assessments/{id}", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(1))
                .andExpect(jsonPath("$.controls").value(32))
                .andExpect(jsonPath("$.answers[0].documentation").value(4));
        mvc.perform(get("/api/v1/assessments").with(signedIn(admin)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());

        CurrentUser stranger = Fixtures.stranger();
        mvc.perform(get("/api/v1/assessments/{id}", id).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(save(id, "AD01.1", "{\"documentation\":1,\"implementation\":1}", stranger))
                .andExpect(status().isNotFound());
        CurrentUser viewer = Fixtures.person(organisation, OrganisationRole.VIEWER);
        // A viewer reads every answer (issue 10) and changes none.
        mvc.perform(get("/api/v1/assessments/{id}", id).with(signedIn(viewer)))
                .andExpect(jsonPath("$.answers[0].documentation").value(4));
        mvc.perform(save(id, "AD01.1", "{\"documentation\":1,\"implementation\":1,\"revision\":2}", viewer))
                .andExpect(status().isForbidden());
    }
}
