package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.AuditSentences;
import be.bolwerk.TestUsers;
import be.bolwerk.assessment.document.AnswerWorkbook;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The offline round trip: export every answer to Excel, fill it in, import it back. Foreign, other, altered
 * and broken workbooks are refused with their reason and change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkbookTests {

    private static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    WorkbookTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private record Started(UUID id, CurrentUser admin) {}

    private Started start() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        return new Started(Fixtures.start(mvc, admin, organisation, framework, THIS_YEAR), admin);
    }

    private byte[] export(Started s) throws Exception {
        return mvc.perform(get("/assessments/{id}/export.xlsx", s.id()).with(signedIn(s.admin())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static byte[] edited(byte[] workbook, Consumer<Sheet> edit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            edit.accept(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Row row(Sheet sheet, String ref) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && ref.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + ref);
    }

    private ResultActions upload(Started s, byte[] content, String name) throws Exception {
        return mvc.perform(multipart("/assessments/{id}/import", s.id())
                .file(new MockMultipartFile("file", name, AnswerWorkbook.CONTENT_TYPE, content))
                .with(signedIn(s.admin()))
                .with(csrf()));
    }

    private long answers(Started s) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id")
                .param("id", s.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aFilledInWorkbookComesBackAsAnswers() throws Exception {
        Started s = start();
        mvc.perform(post("/assessments/{id}/answers/AD01.1", s.id())
                        .param("documentation", "1")
                        .param("implementation", "1")
                        .with(signedIn(s.admin()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        byte[] filled = edited(export(s), sheet -> {
            row(sheet, "AD01.1").getCell(4).setCellValue(3); // changed
            row(sheet, "AD01.2").getCell(4).setCellValue("2"); // typed as text
            row(sheet, "AD01.2").getCell(5).setCellValue(4);
            row(sheet, "AD03.1").getCell(6).setCellValue("ja");
            row(sheet, "AD03.1").getCell(7).setCellValue("=HYPERLINK(\"http://x\") geen eigen servers");
        });
        upload(s, filled, "ingevuld.xlsx")
                .andExpect(flash().attribute("notice", "assessment.workbook.imported"))
                .andExpect(flash().attribute("importedCounts", List.of(3, 0)));

        assertThat(jdbc.sql("""
                                SELECT control_ref || ':' || COALESCE(CAST(documentation AS VARCHAR(2)), '-') || '/'
                                    || COALESCE(CAST(implementation AS VARCHAR(2)), '-') || ':' || COALESCE(justification, '')
                                FROM assessment_answer WHERE assessment_id = :id ORDER BY control_ref
                                """).param("id", s.id()).query(String.class).list())
                .containsExactly(
                        "AD01.1:3/1:", "AD01.2:2/4:", "AD03.1:-/-:=HYPERLINK(\"http://x\") geen eigen servers");

        // The same workbook again changes nothing.
        upload(s, filled, "ingevuld.xlsx").andExpect(flash().attribute("importedCounts", List.of(0, 3)));
    }

    @Test
    void foreignOtherAlteredAndBrokenWorkbooksAreRefusedAndChangeNothing() throws Exception {
        Started s = start();
        Started other = start();
        byte[] organisations = mvc.perform(
                        get("/organisations/export.xlsx").with(signedIn(TestUsers.programmeOfficer())))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        upload(s, organisations, "organisaties.xlsx")
                .andExpect(flash().attribute("problem", "assessment.workbook.foreign"));
        upload(s, export(other), "andere.xlsx")
                .andExpect(flash().attribute("problem", "assessment.workbook.otherAssessment"));
        upload(s, edited(export(s), sheet -> sheet.removeRow(sheet.getRow(3))), "rij-weg.xlsx")
                .andExpect(flash().attribute("problem", "assessment.workbook.altered"));
        upload(s, edited(export(s), sheet -> row(sheet, "AD01.1").getCell(0).setCellValue("AD99.9")), "hernoemd.xlsx")
                .andExpect(flash().attribute("problem", "assessment.workbook.altered"));
        upload(s, edited(export(s), sheet -> row(sheet, "AD01.2").getCell(4).setCellValue(7)), "zeven.xlsx")
                .andExpect(flash().attribute("problem", "assessment.workbook.invalidRows"))
                .andExpect(flash().attribute(
                                "problemDetails", List.of("Rij 3: een niveau moet een getal van 0 tot 5 zijn.")));
        upload(s, edited(export(s), sheet -> row(sheet, "AD02.1").getCell(6).setCellValue("ja")), "sleutel.xlsx")
                .andExpect(flash().attribute("problem", "assessment.workbook.keyMeasureRows"))
                .andExpect(flash().attribute("problemDetails", List.of("AD02.1")));
        upload(s, Files.readAllBytes(be.bolwerk.TestFiles.NIST_LOW), "catalog.json")
                .andExpect(flash().attribute("problem", "assessment.workbook.unreadable"));

        assertThat(answers(s)).isZero();

        // Only the organisation's admins move all answers in or out; another organisation sees nothing.
        UUID organisation = jdbc.sql("SELECT organisation_id FROM assessment WHERE id = :id")
                .param("id", s.id())
                .query(UUID.class)
                .single();
        CurrentUser member = Fixtures.person(organisation, OrganisationRole.MEMBER);
        mvc.perform(get("/assessments/{id}/export.xlsx", s.id()).with(signedIn(member)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/assessments/{id}/import", s.id())
                        .file(new MockMultipartFile("file", "x.xlsx", AnswerWorkbook.CONTENT_TYPE, export(s)))
                        .with(signedIn(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/assessments/{id}/export.xlsx", s.id()).with(signedIn(Fixtures.stranger())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedWorkbookIsRecordedForItsOrganisation() throws Exception {
        Started s = start();
        upload(s, Files.readAllBytes(be.bolwerk.TestFiles.NIST_LOW), "catalog.json")
                .andExpect(flash().attribute("problem", "assessment.workbook.unreadable"));

        assertThat(jdbc.sql("""
                        SELECT details FROM audit_event
                        WHERE event_type = 'IMPORT_REFUSED' AND actor_id = :actor AND organisation_id = :organisation
                          AND outcome = 'FAILURE'
                        """)
                        .param("actor", s.admin().id())
                        .param(
                                "organisation",
                                jdbc.sql("SELECT organisation_id FROM assessment WHERE id = :id")
                                        .param("id", s.id())
                                        .query(UUID.class)
                                        .single())
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(details -> assertThat(details).contains(s.id().toString()))
                .extracting(AuditSentences::dutch)
                .isEqualTo("Excelbestand „catalog.json“ niet ingelezen: Dit bestand is geen leesbaar Excel-werkboek"
                        + " (.xlsx). Er is niets ingelezen.");
    }
}
