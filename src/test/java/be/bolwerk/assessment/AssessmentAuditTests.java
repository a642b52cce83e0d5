package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.assessment.document.AnswerWorkbook;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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

/**
 * The audit trail records what an organisation may have to account for in its self-evaluation: exports (Excel,
 * PDF), the Excel import with the number of answers it changed, evidence added and removed, and assignments.
 * The platform admin reads each row in their own language, with names instead of keys and ids.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentAuditTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    AssessmentAuditTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private List<String> rows(UUID organisation, String type) {
        return jdbc.sql("SELECT details FROM audit_event WHERE organisation_id = :org AND event_type = :type"
                        + " ORDER BY seq")
                .param("org", organisation)
                .param("type", type)
                .query(String.class)
                .list();
    }

    private String auditPage(String organisationName, String type, String lang) throws Exception {
        return mvc.perform(get("/admin/audit")
                        .param("organisation", organisationName)
                        .param("type", type)
                        .param("lang", lang)
                        .with(signedIn(TestUsers.persona(Persona.PLATFORM_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void exportsImportsEvidenceAndAssignmentsLeaveRowsReadInTheReadersLanguage() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        String name = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", organisation)
                .query(String.class)
                .single();
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID id = Fixtures.start(mvc, admin, organisation, framework, Fixtures.THIS_YEAR);

        // Export and import: two answers changed by the workbook.
        byte[] workbook = mvc.perform(get("/assessments/{id}/export.xlsx", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getCell(0) != null
                        && row.getCell(0).getStringCellValue().equals("AD01.1")) {
                    row.getCell(4).setCellValue(3);
                    row.getCell(5).setCellValue(3);
                }
                if (row.getCell(0) != null
                        && row.getCell(0).getStringCellValue().equals("AD01.2")) {
                    row.getCell(4).setCellValue(2);
                    row.getCell(5).setCellValue(4);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart("/assessments/{id}/import", id)
                        .file(new MockMultipartFile("file", "antwoorden.xlsx", AnswerWorkbook.CONTENT_TYPE, filled))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("importedCounts", List.of(2, 0)));

        // Evidence: a link and a file added, the file removed again.
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "https://intranet.example/beleid")
                        .param("title", "Beleid op het intranet")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));
        mvc.perform(multipart("/assessments/{id}/answers/{ref}/evidence", id, "AD01.1")
                        .file(new MockMultipartFile(
                                "file",
                                "notulen.txt",
                                "text/plain",
                                "Notulen van de stuurgroep".getBytes(StandardCharsets.UTF_8)))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));
        UUID file = jdbc.sql("SELECT id FROM assessment_evidence WHERE assessment_id = :id AND kind = 'FILE'")
                .param("id", id)
                .query(UUID.class)
                .single();
        mvc.perform(post("/assessments/{id}/evidence/{evidence}/delete", id, file)
                        .param("confirmed", "true")
                        .param("ref", "AD01.1")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.removed"));

        // Assignment to a colleague, and back to the admins.
        UUID colleague = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, version)
                        VALUES (:id, :email, 'Collega Cas', '{noop}x', TRUE, CURRENT_TIMESTAMP, 0)
                        """)
                .param("id", colleague)
                // The address holds part of the id only, so the page below can be checked for the whole id.
                .param("email", "cas-" + colleague.toString().substring(0, 8) + "@test.invalid")
                .update();
        jdbc.sql("""
                        INSERT INTO membership (organisation_id, user_account_id, role, created_at)
                        VALUES (:org, :id, 'MEMBER', CURRENT_TIMESTAMP)
                        """).param("org", organisation).param("id", colleague).update();
        mvc.perform(post("/assessments/{id}/assignments", id)
                        .param("areaRef", "AD02")
                        .param("accountId", colleague.toString())
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.assign.saved"));
        mvc.perform(post("/assessments/{id}/assignments", id)
                        .param("areaRef", "AD02")
                        .param("accountId", "")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(rows(organisation, "EXPORT"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("audit.detail.answersExported", id.toString()));
        assertThat(rows(organisation, "ANSWERS_IMPORTED"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("antwoorden.xlsx", "2,0]"));
        assertThat(rows(organisation, "EVIDENCE_ADDED")).hasSize(2);
        assertThat(rows(organisation, "EVIDENCE_REMOVED"))
                .singleElement()
                .satisfies(d -> assertThat(d).contains("notulen.txt"));
        assertThat(rows(organisation, "AREA_ASSIGNED")).hasSize(2);

        // In Dutch, and in English for a reader who chose English; never the stored key or JSON.
        String dutch = auditPage(name, "", "nl");
        assertThat(dutch)
                .contains("Alle antwoorden van Quick scan actiedomeinen")
                .contains("Excelbestand „antwoorden.xlsx“ ingelezen in")
                .contains("2 antwoord(en) gewijzigd, 0 ongewijzigd")
                .contains("Link „Beleid op het intranet“ als bewijs bij maatregel AD01.1")
                .contains("Bestand „notulen.txt“ als bewijs bij maatregel AD01.1")
                .contains("Bewijs „notulen.txt“ weggenomen bij maatregel AD01.1")
                .containsPattern("Gebied AD02 [^<]+ toegewezen aan Collega Cas \\(cas-")
                .containsPattern("Gebied AD02 [^<]+ teruggegeven aan de beheerders")
                .contains("Antwoorden ingelezen uit Excel", "Gebied toegewezen")
                .doesNotContain("audit.detail.", "{&quot;key&quot;", colleague.toString());
        String english = auditPage(name, "", "en");
        assertThat(english)
                .contains("All answers of Quick scan actiedomeinen")
                .contains("2 answer(s) changed, 0 unchanged")
                .contains("Evidence “notulen.txt” removed from control AD01.1")
                .containsPattern("Area AD02 [^<]+ assigned to Collega Cas")
                .contains("Answers imported from Excel")
                .doesNotContain("audit.detail.", "toegewezen aan");
    }
}
