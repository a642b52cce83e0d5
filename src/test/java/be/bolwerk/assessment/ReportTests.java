package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Instant;
import java.time.LocalDate;
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
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        String name = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", organisation)
                .query(String.class)
                .single();
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "zelfevaluatie-ict");
        int year = BelgianTime.yearOf(Instant.now());
        UUID id = Fixtures.start(mvc, admin, organisation, framework, year);
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
                    .contains(
                            name,
                            "Zelfevaluatie ICT-risico's " + year,
                            "De zelfevaluatie scoort 1,50 op 5.",
                            "Werkpunten")
                    .contains("Risicoregister bijwerken — ë, €, “aanhalingstekens”")
                    .contains("1.1.1"); // an unanswered key measure is a gap
        }
        CurrentUser stranger = Fixtures.stranger();
        mvc.perform(get("/assessments/{id}/report.pdf", id).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
    }
}
