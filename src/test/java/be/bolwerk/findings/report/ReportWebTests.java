package be.bolwerk.findings.report;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report pages and files with security: the progress page, the XLSX register (titles stay text, never a
 * formula) and the PDF improvement plan (tagged, with title, language and description) for members of the
 * organisation only, each file recorded in the audit trail; the programme view for programme officers only, with
 * counts and never a finding's title.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final String MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.toString();

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Raising raising;
    private final String marker = "Rapport" + UUID.randomUUID().toString().substring(0, 8);
    private final CurrentUser viewer = TestUsers.member(APPELKERKE, OrganisationRole.VIEWER);

    ReportWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Raising raising) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.raising = raising;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", "%" + marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void theProgressPageShowsTheChartDataAndItsTable() throws Exception {
        raise("Open " + marker, Severity.CRITICAL);
        String page = text(get("/findings/report"), viewer);
        assertThat(page)
                .contains("Voortgang van het verbeterplan van Gemeente Appelkerke")
                .contains("data-figure=\"stacked\"")
                .contains("id=\"burndown-table\"")
                .contains("Binnen de termijn afgesloten")
                .doesNotContain("<script>");
        assertThat(page).as("titles belong to the register, not the chart").doesNotContain(marker);
    }

    @Test
    void theSpreadsheetWritesAFormulaLikeTitleAsText() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.invalid\",\"" + marker + "\")";
        raise(formula, Severity.HIGH);
        raise("Ander " + marker, Severity.LOW);
        long exports = exports();
        MockHttpServletResponse response = mvc.perform(get("/findings/report/register.xlsx")
                        .param("q", marker)
                        .param("severity", "HIGH")
                        .with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getHeader("Content-Disposition"))
                .contains("bevindingen-gemeente-appelkerke-" + BelgianTime.today(Clock.systemUTC()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Gemeente Appelkerke");
            List<Cell> titles = new java.util.ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() > 2) {
                    titles.add(row.getCell(0));
                }
            }
            assertThat(titles).as("the page's filters: only the high one").hasSize(1);
            assertThat(titles.get(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(titles.get(0).getStringCellValue()).isEqualTo(formula);
        }
        assertThat(exports()).as("the export is in the audit trail").isEqualTo(exports + 1);
    }

    @Test
    void theImprovementPlanIsATaggedPdfWithTheOpenFindings() throws Exception {
        raise("Plan " + marker, Severity.CRITICAL);
        MockHttpServletResponse response = mvc.perform(
                        get("/findings/report/plan.pdf").with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).contains("verbeterplan-gemeente-appelkerke-");
        try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Verbeterplan Gemeente Appelkerke");
            assertThat(document.getDocumentInformation().getSubject()).contains("voor de raad");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Gemeente Appelkerke")
                    .contains("Plan " + marker)
                    .contains("Week tot en met")
                    .doesNotContain("Munthove");
        }
    }

    @Test
    void anotherOrganisationsReportsAreNotFound() throws Exception {
        for (String path : List.of("/findings/report", "/findings/report/register.xlsx", "/findings/report/plan.pdf")) {
            String body = mvc.perform(get(path).param("organisation", MUNTHOVE).with(signedIn(viewer)))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("Munthove");
        }
        for (Persona persona : List.of(Persona.PROGRAMME_OFFICER, Persona.AUDITOR, Persona.STUDENT)) {
            mvc.perform(get("/findings/report/plan.pdf").with(signedIn(TestUsers.persona(persona))))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theProgrammeOfficerSeesCountsPerTypeAndNoFindingText() throws Exception {
        raise("Geheim " + marker, Severity.CRITICAL);
        CurrentUser officer = TestUsers.programmeOfficer();
        String page = text(get("/findings/programme"), officer);
        assertThat(page)
                .contains("Verbeterplannen van het programma")
                .contains("Gemeente")
                .contains("OCMW");
        String api = text(get("/api/v1/findings/programme"), officer);
        assertThat(api).contains("\"type\":\"MUNICIPALITY\"").contains("\"bySeverity\"");
        // Every title long enough not to be an ordinary word of the page itself.
        List<String> titles = jdbc.sql("SELECT title FROM finding").query(String.class).list().stream()
                .filter(t -> t.length() > 12)
                .toList();
        assertThat(titles).anyMatch(t -> t.contains(marker));
        for (String title : titles) {
            assertThat(page).as("the page shows no title").doesNotContain(title);
            assertThat(api).as("the API shows no title").doesNotContain(title);
        }
    }

    @Test
    void organisationMembersAreRefusedTheProgrammeView() throws Exception {
        CurrentUser iso = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);
        for (String path : List.of("/findings/programme", "/api/v1/findings/programme")) {
            String body = mvc.perform(get(path).with(signedIn(iso)))
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("MUNICIPALITY");
        }
    }

    private void raise(String title, Severity severity) {
        raising.raise(
                APPELKERKE,
                new Finding.Details(title, "", severity, "", "", null, null, "", false, ""),
                TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
    }

    private long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'EXPORT' AND organisation_id = :org")
                .param("org", APPELKERKE)
                .query(Long.class)
                .single();
    }

    private String text(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, CurrentUser user)
            throws Exception {
        return mvc.perform(request.with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
