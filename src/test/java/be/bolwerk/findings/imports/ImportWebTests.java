package be.bolwerk.findings.imports;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The import pages and the API upload with security: preview, confirm once (a replayed POST imports nothing more),
 * an invalid file imports and keeps nothing, a file too large or of the wrong format is refused in Dutch, another
 * organisation's import is 404, viewers and other personas are refused; the API with a write token (201), a
 * read-only token (refused) and a file with wrong rows (422 listing them); the CVSS field of the finding forms.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportWebTests {

    private static final UUID APPELKERKE = FindingImportTests.APPELKERKE;
    private static final String BAD_CSV = "Title,Severity\nGoed,High\nFout,Enorm\n";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ApiTokens tokens;
    private final String title = "Cvss-test " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser viewer;

    ImportWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired ApiTokens tokens) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @BeforeEach
    void people() {
        ImportFiles.forget(jdbc);
        iso = ImportFiles.account(
                jdbc, "iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        viewer = ImportFiles.account(jdbc, "lezer@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.VIEWER));
    }

    @AfterEach
    void clean() {
        ImportFiles.forget(jdbc);
        jdbc.sql("DELETE FROM finding WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void theRegisterLinksToTheImportAndThePreviewIsConfirmedOnce() throws Exception {
        assertThat(page("/findings", iso)).contains("href=\"/findings/import\"");
        assertThat(page("/findings/import", iso))
                .contains("Voor Gemeente Appelkerke")
                .contains("enctype=\"multipart/form-data\"");

        String location = mvc.perform(upload(sarif("spotbugs.sarif"), "SARIF")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/findings/import/[0-9a-f-]{36}");
        assertThat(page(location, iso))
                .contains("Voorbeeld van de import")
                .contains("Nieuw: ")
                .contains("Code contains a hard coded reference to an absolute pathname.")
                .contains(">Importeren</button>");
        assertThat(imported()).isZero();

        mvc.perform(post(location + "/confirm").with(signedIn(iso)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long once = imported();
        assertThat(once).isPositive();
        assertThat(page(location, iso))
                .contains("Geïmporteerd bestand")
                .contains("Toegevoegd: " + once)
                .doesNotContain(">Importeren</button>");
        // A double click or a replayed POST: nothing more.
        var replay = mvc.perform(post(location + "/confirm").with(signedIn(iso)).with(csrf()))
                .andReturn();
        assertThat(replay.getFlashMap().get("notice")).isEqualTo("findings.import.importedBefore");
        assertThat(imported()).isEqualTo(once);
        // Each finding links back to the import that brought it.
        UUID one = jdbc.sql("SELECT id FROM finding WHERE organisation_id = :org AND source = 'IMPORT' LIMIT 1")
                .param("org", APPELKERKE)
                .query(UUID.class)
                .single();
        assertThat(page("/findings/" + one, iso)).contains("href=\"" + location + "\"");
        // A viewer reads what an import brought but cannot import.
        assertThat(page(location, viewer)).contains("Toegevoegd: " + once);
    }

    @Test
    void anInvalidFileImportsNothingKeepsNothingAndSaysWhyInDutch() throws Exception {
        long kept = kept();
        String page = ok(upload(csv(BAD_CSV), "CSV"));
        assertThat(page)
                .contains("kan niet geïmporteerd worden")
                .contains("Er is niets geïmporteerd en niets bewaard")
                .contains("Onbekende ernst &quot;Enorm&quot;")
                .contains("<td>3</td>")
                .doesNotContain(">Importeren</button>");
        assertThat(kept()).isEqualTo(kept);
        assertThat(imported()).isZero();
        assertThat(ok(upload(csv("Title,Severity,Owner\nX,High,vreemde@elders.invalid\n"), "CSV")))
                .contains("geen actieve medewerker van deze organisatie");
    }

    @Test
    void aFileTooLargeOrOfTheWrongFormatOrNoFileIsRefused() throws Exception {
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        assertThat(ok(upload(new MockMultipartFile("file", "groot.csv", "text/csv", large), "CSV")))
                .contains("Het bestand is te groot");
        assertThat(ok(upload(csv("Title,Severity\nX,High\n"), "SARIF"))).contains("Het bestand is geen geldige JSON");
        assertThat(ok(upload(sarif("spotbugs.sarif"), "CSV"))).contains("Dit bestand is JSON en geen CSV");
        assertThat(ok(multipart("/findings/import")
                        .param("organisationId", APPELKERKE.toString())
                        .param("format", "CSV")))
                .contains("Kies een bestand om op te laden.");
        assertThat(kept()).isZero();
    }

    @Test
    void anotherOrganisationsImportIsNotFoundAndOtherRolesAreRefused() throws Exception {
        String location = mvc.perform(upload(sarif("spotbugs.sarif"), "SARIF")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        CurrentUser munthove = ImportFiles.account(
                jdbc, "iso@munthove.invalid", Map.of(FindingImportTests.MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        mvc.perform(get(location).with(signedIn(munthove))).andExpect(status().isNotFound());
        mvc.perform(post(location + "/confirm").with(signedIn(munthove)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/findings/import/" + UUID.randomUUID()).with(signedIn(iso)))
                .andExpect(status().isNotFound());
        // Viewers read, they do not import.
        mvc.perform(get("/findings/import").with(signedIn(viewer))).andExpect(status().isForbidden());
        mvc.perform(upload(sarif("spotbugs.sarif"), "SARIF")
                        .with(signedIn(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/confirm").with(signedIn(viewer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page(location, viewer)).doesNotContain(">Importeren</button>");
        for (Persona persona : Set.of(Persona.PROGRAMME_OFFICER, Persona.AUDITOR, Persona.STUDENT)) {
            CurrentUser outsider = TestUsers.persona(persona);
            mvc.perform(get("/findings/import").with(signedIn(outsider))).andExpect(status().isForbidden());
            mvc.perform(get(location).with(signedIn(outsider))).andExpect(status().isForbidden());
            mvc.perform(upload(sarif("spotbugs.sarif"), "SARIF")
                            .with(signedIn(outsider))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(multipart("/api/v1/findings/imports")
                            .file(sarif("spotbugs.sarif"))
                            .param("format", "sarif")
                            .with(signedIn(outsider))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // Without the CSRF token a signed-in upload is refused.
        mvc.perform(upload(sarif("spotbugs.sarif"), "SARIF").with(signedIn(iso)))
                .andExpect(status().isForbidden());
        assertThat(imported()).isZero();
    }

    @Test
    void aWriteTokenImportsThroughTheApiAReadTokenIsRefused() throws Exception {
        String write = tokens.create(iso.id(), "scanner " + title, ApiTokens.Scope.WRITE, 30);
        String body = mvc.perform(multipart("/api/v1/findings/imports")
                        .file(sarif("flawfinder.sarif"))
                        .param("format", "sarif")
                        .header("Authorization", "Bearer " + write))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisationId").value(APPELKERKE.toString()))
                .andExpect(jsonPath("$.updated").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long once = imported();
        assertThat(once).isPositive();
        assertThat(body).contains("\"created\":" + once);
        mvc.perform(multipart("/api/v1/findings/imports")
                        .file(sarif("flawfinder.sarif"))
                        .param("format", "SARIF")
                        .header("Authorization", "Bearer " + write))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value((int) once));
        assertThat(imported()).isEqualTo(once);

        String read = tokens.create(iso.id(), "lezen " + title, ApiTokens.Scope.READ, 30);
        long kept = kept();
        mvc.perform(multipart("/api/v1/findings/imports")
                        .file(sarif("spotbugs.sarif"))
                        .param("format", "sarif")
                        .header("Authorization", "Bearer " + read))
                .andExpect(status().isForbidden());
        assertThat(kept()).isEqualTo(kept);
    }

    @Test
    void aFileWithWrongRowsIs422WithEveryRowAndNothingStored() throws Exception {
        String write = tokens.create(iso.id(), "scanner " + title, ApiTokens.Scope.WRITE, 30);
        long kept = kept();
        mvc.perform(multipart("/api/v1/findings/imports")
                        .file(csv(BAD_CSV + "Ook fout,,\n"))
                        .param("format", "csv")
                        .header("Authorization", "Bearer " + write))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("Severity"))
                .andExpect(jsonPath("$.errors[0].reason").value(org.hamcrest.Matchers.startsWith("Onbekende ernst")));
        mvc.perform(multipart("/api/v1/findings/imports")
                        .file(csv("Title,Severity\nX,High\n"))
                        .param("format", "xml")
                        .header("Authorization", "Bearer " + write))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("Geef als formaat csv of sarif."));
        // A signed-in member uses the same endpoint from the browser's session, with its CSRF token.
        mvc.perform(multipart("/api/v1/findings/imports")
                        .file(csv("Title,Severity,ExternalId\n" + title + " api,High,API-1\n"))
                        .param("format", "csv")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(1));
        assertThat(kept()).isEqualTo(kept + 1);
    }

    @Test
    void theFindingFormsTakeACvssVectorAndTheServerScoresIt() throws Exception {
        String refused = ok(post("/findings")
                .param("organisationId", APPELKERKE.toString())
                .param("title", title)
                .param("severity", "HIGH")
                .param("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q"));
        assertThat(refused)
                .contains("geen geldige CVSS-vector")
                .contains("value=\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q\"")
                .contains("value=\"" + title + "\"");
        String location = mvc.perform(post("/findings")
                        .param("organisationId", APPELKERKE.toString())
                        .param("title", title)
                        .param("severity", "HIGH")
                        .param("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                        .param("cvssScore", "1.0")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/findings/".length()));
        assertThat(score(id)).as("computed, never typed").isEqualByComparingTo("9.8");
        assertThat(page(location, iso)).contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (9.8)");
        assertThat(page("/findings?q=" + title, iso)).contains("CVSS 9.8");
        assertThat(page(location + "/edit", iso)).contains("value=\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"");

        mvc.perform(post(location + "/details")
                        .param("organisationId", APPELKERKE.toString())
                        .param("title", title)
                        .param("severity", "HIGH")
                        .param("cvssVector", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(score(id)).isEqualByComparingTo("9.3");
        mvc.perform(post(location + "/details")
                        .param("organisationId", APPELKERKE.toString())
                        .param("title", title)
                        .param("severity", "HIGH")
                        .param("cvssVector", "")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(score(id)).isNull();
    }

    private java.math.BigDecimal score(UUID id) {
        return jdbc.sql("SELECT cvss_score FROM finding WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getBigDecimal(1)))
                .single()
                .orElse(null);
    }

    private MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file, String format) {
        return multipart("/findings/import")
                .file(file)
                .param("organisationId", APPELKERKE.toString())
                .param("format", format)
                .param("dateOrder", "FROM_FILE");
    }

    private static MockMultipartFile sarif(String name) {
        return new MockMultipartFile("file", name, "application/json", ImportFiles.bytes("sarif/" + name));
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "scan.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long imported() {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE organisation_id = :org AND source = 'IMPORT'")
                .param("org", APPELKERKE)
                .query(Long.class)
                .single();
    }

    private long kept() {
        return jdbc.sql("SELECT COUNT(*) FROM finding_import WHERE organisation_id = :org")
                .param("org", APPELKERKE)
                .query(Long.class)
                .single();
    }

    /** A request the ISO sent that comes back as a page (200): the page. */
    private <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> String ok(
            B request) throws Exception {
        return mvc.perform(request.with(signedIn(iso)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
