package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Evidence files and links: an allow-list checked on the content, not the name; served back as an attachment
 * in a sandbox; links only over http(s); only people who may answer the area add or remove.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EvidenceTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    EvidenceTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private ResultActions upload(UUID id, String ref, String name, byte[] content, CurrentUser who) throws Exception {
        return mvc.perform(multipart("/assessments/{id}/answers/{ref}/evidence", id, ref)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(signedIn(who))
                .with(csrf()));
    }

    @Test
    void filesAreCheckedStoredAndServedAsAttachments() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        String location = mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", framework.toString())
                        .param("year", String.valueOf(BelgianTime.yearOf(Instant.now())))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/assessments/".length()));
        // A real workbook from Bolwerk itself serves as the evidence document.
        byte[] workbook = mvc.perform(get("/organisations/export.xlsx").with(signedIn(TestUsers.programmeOfficer())))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        upload(id, "AD01.1", "C:\\Users\\iso\\beleid \"2026\".xlsx", workbook, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));
        upload(id, "AD01.1", "script.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.type"));
        upload(id, "AD01.1", "vermomd.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));
        upload(id, "AD01.1", "leeg.txt", new byte[0], admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.noFile"));
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "javascript:alert(1)")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.link"));
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "https://intranet.example/beleid")
                        .param("title", "Beleid op het intranet")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));

        UUID file = jdbc.sql("SELECT id FROM assessment_evidence WHERE assessment_id = :id AND kind = 'FILE'")
                .param("id", id)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT name FROM assessment_evidence WHERE id = :id")
                        .param("id", file)
                        .query(String.class)
                        .single())
                .isEqualTo("beleid 2026.xlsx");
        mvc.perform(get("/assessments/{id}/evidence/{e}", id, file).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(workbook));
        mvc.perform(get("/assessments/{id}/areas/AD01", id).with(signedIn(admin)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Beleid op het intranet")));

        CurrentUser stranger = Fixtures.stranger();
        mvc.perform(get("/assessments/{id}/evidence/{e}", id, file).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        CurrentUser colleague = Fixtures.person(organisation, OrganisationRole.MEMBER);
        upload(id, "AD01.1", "x.txt", "tekst".getBytes(StandardCharsets.UTF_8), colleague)
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/evidence/{e}", id, file).with(signedIn(colleague)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/assessments/{id}/evidence/{e}/delete", id, file)
                        .param("ref", "AD01.1")
                        .param("confirmed", "true")
                        .with(signedIn(colleague))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "https://x.example")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/evidence/{e}/delete", id, file)
                        .param("ref", "AD01.1")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "users.confirmFirst"));
        mvc.perform(post("/assessments/{id}/evidence/{e}/delete", id, file)
                        .param("ref", "AD01.1")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("feedback", "assessment.evidence.removed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE assessment_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void officeFilesAreRecognisedByWhatIsInsideNotByTheirFirstBytes() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        int year = BelgianTime.yearOf(Instant.now());
        UUID id = Fixtures.start(mvc, admin, organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), year);
        byte[] docx = docx();
        byte[] xlsx = xlsx();

        upload(id, "AD01.1", "verslag.docx", docx, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));
        upload(id, "AD01.1", "cijfers.xlsx", xlsx, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));
        upload(id, "AD01.1", "nota.odt", odt(), admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.added"));

        // Each starts with the zip signature, so a check of the first bytes let them all in.
        byte[] webPage = ("PK\u0003\u0004<html><script>alert(1)</script></html>").getBytes(StandardCharsets.ISO_8859_1);
        byte[] plainZip = zip(Map.of("index.html", "<html><script>alert(1)</script></html>"));
        upload(id, "AD01.1", "verslag.docx", webPage, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));
        upload(id, "AD01.1", "verslag.docx", plainZip, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));
        upload(id, "AD01.1", "nota.odt", plainZip, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));
        upload(id, "AD01.1", "cijfers.docx", xlsx, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));
        upload(id, "AD01.1", "verslag.xlsx", docx, admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));
        upload(id, "AD01.1", "verslag.docx", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));

        // Looks like a Word file from its directory, but its text inflates a thousandfold: refused unread.
        upload(id, "AD01.1", "verslag.docx", bomb(200), admin)
                .andExpect(flash().attribute("feedback", "assessment.evidence.content"));

        assertThat(jdbc.sql("SELECT name FROM assessment_evidence WHERE assessment_id = :id ORDER BY name")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("cijfers.xlsx", "nota.odt", "verslag.docx");
        mvc.perform(get("/assessments/{id}/areas/AD01", id).with(signedIn(admin)))
                .andExpect(status().isOk());
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Informatieveiligheidsbeleid 2026");
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Cijfers").createRow(0).createCell(0).setCellValue(42);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The smallest OpenDocument text: its type stored uncompressed as the first entry, as the standard asks. */
    private static byte[] odt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                            + " manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\""
                            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                            + "</manifest:manifest>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                            + " office:version=\"1.2\"><office:body><office:text/></office:body>"
                            + "</office:document-content>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An Office package whose document is {@code megabytes} of zeros, compressed about a thousandfold. */
    private static byte[] bomb(int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Target=\"word/document.xml\" Type=\"http://schemas."
                            + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/></Relationships>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
