package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The council report: a real PDF whose text holds the organisation, the scores, the gaps and the actions. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    ReportTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @Test
    void theReportIsAPdfWithTheResultsInIt() throws Exception {
        UUID organisation = jdbc.sql("""
                        SELECT id FROM organisation o
                        WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.organisation_id = o.id)
                        ORDER BY contact_email LIMIT 1
                        """).query(UUID.class).single();
        String name = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", organisation)
                .query(String.class)
                .single();
        CurrentUser admin = new CurrentUser(
                UUID.randomUUID(),
                "pdf@test.invalid",
                "Pdf",
                null,
                true,
                Set.of(),
                Map.of(organisation, OrganisationRole.ORGANISATION_ADMIN));
        UUID framework = jdbc.sql("SELECT id FROM framework_version WHERE code = 'zelfevaluatie-ict'"
                        + " AND source = 'BUILT_IN'")
                .query(UUID.class)
                .single();
        int year = Instant.now().atZone(ZoneId.of("Europe/Brussels")).getYear();
        String location = mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", framework.toString())
                        .param("year", String.valueOf(year))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/assessments/".length()));
        mvc.perform(post("/assessments/{id}/answers/1.1.2", id)
                        .param("documentation", "1")
                        .param("implementation", "2")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/assessments/{id}/actions", id)
                        .param("controlRef", "1.1.2")
                        .param("title", "Risicoregister bijwerken — ë, €, “aanhalingstekens”")
                        .param("dueDate", LocalDate.now().plusMonths(1).toString())
                        .param("priority", "HIGH")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        byte[] pdf = mvc.perform(get("/assessments/{id}/report.pdf", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "report.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(name, "Zelfevaluatie ICT-risico's " + year, "1,50 / 5", "Werkpunten")
                    .contains("Risicoregister bijwerken — ë, €, “aanhalingstekens”")
                    .contains("1.1.1"); // an unanswered key measure is a gap
        }
        CurrentUser stranger = new CurrentUser(
                UUID.randomUUID(),
                "s@test.invalid",
                "S",
                null,
                true,
                Set.of(),
                Map.of(UUID.randomUUID(), OrganisationRole.ORGANISATION_ADMIN));
        mvc.perform(get("/assessments/{id}/report.pdf", id).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
    }
}
