package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.bolwerk.TestPayloads;
import be.bolwerk.TestUsers;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The issue 3 sweep for the self-evaluation pages: every text field and parameter gets the same payloads;
 * no server error, no live markup, and what is stored comes back escaped on the pages that show it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentSweepTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    AssessmentSweepTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private record Field(String name, MockHttpServletRequestBuilder request, String parameter) {}

    @Test
    void noPayloadInAnyFieldCausesAServerErrorOrComesBackAsMarkup() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        String year = String.valueOf(Fixtures.THIS_YEAR);
        String base = "/assessments/" + Fixtures.start(mvc, admin, organisation, framework, Fixtures.THIS_YEAR);

        List<Field> fields = new ArrayList<>();
        for (String p :
                List.of("documentation", "implementation", "notApplicable", "justification", "comment", "revision")) {
            fields.add(new Field("answer " + p, post(base + "/answers/AD01.2").header("HX-Request", "true"), p));
            fields.add(new Field("plain answer " + p, post(base + "/answers/AD01.2"), p));
        }
        for (String p : List.of("controlRef", "title", "ownerId", "dueDate", "priority")) {
            fields.add(new Field(
                    "action " + p,
                    post(base + "/actions")
                            .param("controlRef", "AD01.1")
                            .param("title", "t")
                            .param("dueDate", "2099-01-01")
                            .param("priority", "LOW"),
                    p));
        }
        for (String p : List.of("url", "title")) {
            fields.add(
                    new Field("link " + p, post(base + "/answers/AD01.1/links").param("url", "https://x.example"), p));
        }
        for (String p : List.of("areaRef", "accountId")) {
            fields.add(new Field("assign " + p, post(base + "/assignments").param("areaRef", "AD01"), p));
        }
        for (String p : List.of("organisationId", "frameworkVersionId", "year")) {
            fields.add(new Field(
                    "start " + p,
                    post("/assessments")
                            .param("organisationId", organisation.toString())
                            .param("frameworkVersionId", framework.toString())
                            .param("year", year),
                    p));
        }
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (String payload : TestPayloads.ALL) {
            for (Field field : fields) {
                MockHttpServletResponse response = mvc.perform(field.request()
                                .param(field.parameter(), payload)
                                .with(signedIn(admin))
                                .with(csrf()))
                        .andReturn()
                        .getResponse();
                requests++;
                check(field.name(), payload, response, problems);
            }
            for (String p : List.of("q", "year", "page", "framework")) {
                MockHttpServletResponse response = mvc.perform(get("/programme/assessments")
                                .param(p, payload)
                                .with(signedIn(TestUsers.programmeOfficer())))
                        .andReturn()
                        .getResponse();
                requests++;
                check("programme " + p, payload, response, problems);
            }
        }
        for (String page : List.of(base, base + "/areas/AD01", base + "/results")) {
            MockHttpServletResponse response =
                    mvc.perform(get(page).with(signedIn(admin))).andReturn().getResponse();
            check("page " + page, "stored payloads", response, problems);
            assertThat(response.getStatus()).as(page).isEqualTo(200);
        }
        assertThat(problems).as("after %d requests", requests).isEmpty();
        assertThat(requests).isGreaterThan(300);
    }

    private static void check(String field, String payload, MockHttpServletResponse response, List<String> problems)
            throws Exception {
        String shown = payload.length() > 40 ? payload.substring(0, 40) + "…" : payload;
        if (response.getStatus() >= 500) {
            problems.add(field + " answered " + response.getStatus() + " to " + shown);
        }
        String body = response.getContentAsString();
        boolean html =
                response.getContentType() != null && response.getContentType().contains("html");
        if (html && (body.contains(TestPayloads.LIVE_MARKUP) || body.contains(TestPayloads.LIVE_ATTRIBUTE))) {
            problems.add(field + " returned live markup for " + shown);
        }
    }
}
