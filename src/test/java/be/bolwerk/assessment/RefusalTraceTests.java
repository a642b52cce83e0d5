package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import be.bolwerk.AuditSentences;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Attempts that are refused leave a trace in the audit trail (ASVS 16.3.3) without the answer changing: a
 * refused evidence file, and an assessment of another organisation, which answers exactly like an unknown id.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RefusalTraceTests {

    private static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    RefusalTraceTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private record Row(UUID actorId, String outcome, UUID organisationId, String details) {}

    private List<Row> rows(String type, CurrentUser actor) {
        return jdbc.sql("""
                        SELECT actor_id, outcome, organisation_id, details FROM audit_event
                        WHERE event_type = :type AND actor_id = :actor ORDER BY seq
                        """)
                .param("type", type)
                .param("actor", actor.id())
                .query((rs, n) -> new Row(
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("outcome"),
                        rs.getObject("organisation_id", UUID.class),
                        AuditSentences.dutch(rs.getString("details"))))
                .list();
    }

    /** The answer without what differs on every request anyway: the id asked for and the fresh CSRF token. */
    private static String comparable(String body, UUID id) {
        return body.replace(id.toString(), "ID").replaceAll("name=\"_csrf\" (content|value)=\"[^\"]+\"", "CSRF");
    }

    @Test
    void aRefusedEvidenceFileIsRecordedWithItsReason() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id =
                Fixtures.start(mvc, admin, organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), THIS_YEAR);

        mvc.perform(multipart("/assessments/{id}/answers/{ref}/evidence", id, "AD01.1")
                        .file(new MockMultipartFile(
                                "file",
                                "script.html",
                                "application/octet-stream",
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.type"));

        assertThat(rows("UPLOAD_REFUSED", admin))
                .containsExactly(new Row(
                        admin.id(),
                        "FAILURE",
                        organisation,
                        "Bestand „script.html“ geweigerd bij /assessments/" + id + "/answers/AD01.1/evidence: Dit soort"
                                + " bestand is niet toegelaten. Gebruik PDF, een afbeelding (PNG, JPG), een Office- of"
                                + " OpenDocument-bestand, of tekst."));
    }

    @Test
    void anotherOrganisationsIdAnswersLikeAnUnknownOneButIsRecorded() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id =
                Fixtures.start(mvc, admin, organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), THIS_YEAR);
        CurrentUser stranger = Fixtures.stranger();

        for (String page : List.of("/assessments/%s", "/api/v1/assessments/%s")) {
            MockHttpServletResponse foreign = mvc.perform(
                            get(page.formatted(id)).with(signedIn(stranger)))
                    .andReturn()
                    .getResponse();
            UUID unknown = UUID.randomUUID();
            MockHttpServletResponse missing = mvc.perform(
                            get(page.formatted(unknown)).with(signedIn(stranger)))
                    .andReturn()
                    .getResponse();
            assertThat(foreign.getStatus()).isEqualTo(404);
            assertThat(foreign.getStatus()).isEqualTo(missing.getStatus());
            assertThat(foreign.getContentType()).isEqualTo(missing.getContentType());
            assertThat(comparable(foreign.getContentAsString(), id))
                    .isEqualTo(comparable(missing.getContentAsString(), unknown));
        }

        assertThat(rows("NOT_FOUND_ANSWERED", stranger))
                .extracting(Row::details)
                .contains(
                        "Niet gevonden geantwoord op GET /assessments/" + id + " (AssessmentNotFound)",
                        "Niet gevonden geantwoord op GET /api/v1/assessments/" + id + " (AssessmentNotFound)");
    }
}
