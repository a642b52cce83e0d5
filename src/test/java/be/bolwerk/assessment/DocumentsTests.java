package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The results of an evaluation still being answered say that they are partial and what is missing, and its
 * council report says DRAFT on every page; a submitted one's report does not. The report is a tagged PDF with
 * its language set, that opens with the summary and the work points (key measures first), then the detail.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DocumentsTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Frameworks frameworks;

    DocumentsTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Frameworks frameworks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.frameworks = frameworks;
    }

    private byte[] pdf(UUID id, CurrentUser who, String lang) throws Exception {
        return mvc.perform(get("/assessments/{id}/report.pdf", id)
                        .param("lang", lang)
                        .with(signedIn(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static String page(PDDocument document, int number) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(number);
        stripper.setEndPage(number);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }

    /** The structure element types below a node, depth first. */
    private static void types(PDStructureNode node, List<String> into) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                into.add(element.getStructureType());
                types(element, into);
            }
        }
    }

    @Test
    void aDraftSaysItsScoreIsPartialNamesMissingKeyMeasuresAndItsReportSaysDraftOnEveryPage() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID id = Fixtures.start(mvc, admin, organisation, framework, Fixtures.THIS_YEAR);
        // One ordinary control answered at the top: no ordinary gap, but every key measure is still missing.
        mvc.perform(post("/assessments/{id}/answers/AD01.2", id)
                        .param("documentation", "5")
                        .param("implementation", "5")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String results = mvc.perform(get("/assessments/{id}/results", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(results)
                .containsPattern("Voorlopige score: 1 van \\d+ maatregelen beantwoord")
                .contains("7 sleutelmaatregel(en) zijn nog niet beantwoord")
                .contains("Ontwerprapport (PDF, nog niet ingediend)")
                .doesNotContain("Geen werkpunten", "Rapport voor de raad (PDF)");

        byte[] draft = pdf(id, admin, "nl");
        try (PDDocument document = Loader.loadPDF(draft)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            for (int number = 1; number <= document.getNumberOfPages(); number++) {
                assertThat(page(document, number))
                        .as("page %d", number)
                        .contains("ONTWERP — deze zelfevaluatie is nog niet ingediend");
            }
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            int summary = text.indexOf("Samenvatting");
            int priorities = text.indexOf("Werkpunten in volgorde van prioriteit");
            int keyMeasures = text.indexOf("Sleutelmaatregelen", priorities);
            int detail = text.indexOf("Detail", priorities);
            assertThat(summary).isPositive();
            assertThat(priorities).isGreaterThan(summary);
            assertThat(keyMeasures).isGreaterThan(priorities);
            assertThat(detail).isGreaterThan(keyMeasures);
            assertThat(text.substring(summary, priorities))
                    .containsPattern("Voorlopige score: 1 van \\d+ maatregelen beantwoord")
                    .contains("7 sleutelmaatregel(en) zijn nog niet beantwoord");
            // Tagged: a structure tree with headings, tables and a figure; the language and title are set.
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Resultaten");
            List<String> tags = new java.util.ArrayList<>();
            types(document.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertThat(tags).contains("H1", "H2", "H3", "Table", "TH", "TD", "Figure", "P");
        }
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'EXPORT' AND organisation_id = :org")
                        .param("org", organisation)
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(details -> assertThat(details).contains("audit.detail.reportExportedDraft", id.toString()));

        mvc.perform(get("/assessments/{id}/report.pdf", id).with(signedIn(Fixtures.stranger())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSubmittedReportHasNoDraftMarkAndSpeaksTheReadersLanguage() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID id = Fixtures.storedAssessment(
                jdbc, organisation, framework, Fixtures.THIS_YEAR, "SUBMITTED", new BigDecimal("4.0000"), false);
        List<FrameworkNode> controls =
                frameworks.get(FrameworkVersionId.of(framework)).controls();
        for (FrameworkNode control : controls) {
            // Every control answered; one key measure below the threshold keeps a work point.
            int level = control.ref().equals("AD02.1") ? 1 : 4;
            Fixtures.storedAnswer(jdbc, organisation, id, control.ref(), level, level, null, 1);
        }

        String results = mvc.perform(get("/assessments/{id}/results", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(results)
                .contains("Rapport voor de raad (PDF)")
                .doesNotContain("Voorlopige score", "Ontwerprapport", "nog niet beantwoord:");

        try (PDDocument document = Loader.loadPDF(pdf(id, admin, "en"))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(text)
                    .contains("Work points in order of priority", "All " + controls.size() + " controls are answered")
                    .contains("There are 1 work point(s); 1 of them concern key measures and come first.")
                    .doesNotContain("DRAFT", "ONTWERP", "Provisional score");
        }
    }
}
