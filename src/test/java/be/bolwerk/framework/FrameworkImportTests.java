package be.bolwerk.framework;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.AuditSentences;
import be.bolwerk.TestFiles;
import be.bolwerk.TestUsers;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.framework.imports.ImportsAwait;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Importing frameworks end to end through the page: the real NIST catalog lands whole, broken files land not at
 * all, our own export imports again as a new version, and only the programme's content managers may import.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrameworkImportTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final FrameworkImports imports;
    private final Frameworks frameworks;
    private final CurrentUser officer = TestUsers.programmeOfficer();

    FrameworkImportTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired FrameworkImports imports,
            @Autowired Frameworks frameworks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.imports = imports;
        this.frameworks = frameworks;
    }

    private UUID upload(String kind, String name, byte[] content) throws Exception {
        String location = mvc.perform(multipart("/frameworks/imports")
                        .file(new MockMultipartFile("file", name, "application/json", content))
                        .param("kind", kind)
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/frameworks/imports/");
        return UUID.fromString(location.substring("/frameworks/imports/".length()));
    }

    private FrameworkImports.Status finished(UUID importId) {
        return ImportsAwait.finished(imports, importId);
    }

    private FrameworkSummary builtIn(String code) {
        return frameworks.all().stream()
                .filter(f -> f.code().equals(code) && f.source() == FrameworkSource.BUILT_IN)
                .findFirst()
                .orElseThrow();
    }

    private long versions() {
        return jdbc.sql("SELECT COUNT(*) FROM framework_version")
                .query(Long.class)
                .single();
    }

    @Test
    void theBuiltInFrameworksAreThere() {
        assertThat(frameworks.all()).extracting(FrameworkSummary::code).contains("quickscan-actiedomeinen");
        FrameworkSummary quickscan = builtIn("quickscan-actiedomeinen");
        Framework tree = frameworks.get(quickscan.id());
        assertThat(tree.areas()).hasSize(14);
        assertThat(tree.tags()).hasSize(14);
        assertThat(tree.controls()).hasSize(quickscan.controlCount());
        assertThat(tree.source()).isEqualTo(FrameworkSource.BUILT_IN);

        Framework selfEvaluation = frameworks.get(builtIn("zelfevaluatie-ict").id());
        assertThat(selfEvaluation.areas())
                .extracting(FrameworkNode::title)
                .containsExactly(
                        "ICT-risico's identificeren en opvolgen",
                        "Continuïteit van de ICT-systemen",
                        "Beveiliging van ICT-systemen en -omgeving",
                        "ICT als deel van de organisatiebeheersing");
        assertThat(selfEvaluation.controls()).hasSizeBetween(40, 60);
        assertThat(selfEvaluation.controls())
                .allSatisfy(control -> assertThat(control.guidance()).isNotBlank())
                .allSatisfy(control -> assertThat(control.evidence()).isNotEmpty())
                .filteredOn(FrameworkNode::keyMeasure)
                .hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theRealNistCatalogImportsWholeAndShowsItsProgressAndTree() throws Exception {
        jdbc.sql("DELETE FROM framework_version WHERE code LIKE 'nist-special-publication-800-53-%'")
                .update();
        UUID importId = upload("OSCAL", "nist-low.json", Files.readAllBytes(TestFiles.NIST_LOW));
        mvc.perform(get("/frameworks/imports/{id}", importId).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<progress")));

        FrameworkImports.Status done = finished(importId);

        assertThat(done.failed()).as("%s %s", done.messageKey(), done.detail()).isFalse();
        assertThat(done.percent()).isEqualTo(100);
        Framework nist = frameworks.get(done.frameworkId());
        assertThat(nist.areas()).hasSize(18);
        assertThat(nist.controls()).hasSize(149);
        assertThat(nist.source()).isEqualTo(FrameworkSource.OSCAL);
        mvc.perform(get("/frameworks/imports/{id}", importId)
                        .header("HX-Request", "true")
                        .with(signedIn(officer)))
                .andExpect(content().string(containsString("Het raamwerk is geïmporteerd.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("every 1s"))));
        mvc.perform(get("/frameworks/{id}", done.frameworkId()).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Policy and Procedures")))
                .andExpect(content().string(containsString("Ontwerp")));
        // The import runs in the background: its audit row is chained just after its commit (ADR 0049), which
        // the page may show a moment before.
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'FRAMEWORK_IMPORTED'"
                                        + " AND details LIKE :id")
                                .param("id", "%" + done.frameworkId() + "%")
                                .query(Long.class)
                                .single(),
                        count -> count > 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'FRAMEWORK_IMPORTED'"
                                + " AND details LIKE :id")
                        .param("id", "%" + done.frameworkId() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Other classes (the browser tests) import the same catalog in the same database.
        jdbc.sql("DELETE FROM framework_version WHERE id = :id")
                .param("id", done.frameworkId().value())
                .update();
    }

    @Test
    void aTruncatedCatalogLeavesNothingBehindAndSaysWhy() throws Exception {
        byte[] whole = Files.readAllBytes(TestFiles.NIST_LOW);
        long before = versions();

        FrameworkImports.Status failed =
                finished(upload("OSCAL", "afgebroken.json", Arrays.copyOf(whole, whole.length / 2)));

        assertThat(failed.failed()).isTrue();
        assertThat(failed.messageKey()).isEqualTo("framework.invalid.json");
        assertThat(versions()).isEqualTo(before);
        // The refusal is in the audit trail, naming who started the import that ran in the background.
        assertThat(jdbc.sql("""
                        SELECT details FROM audit_event
                        WHERE event_type = 'IMPORT_REFUSED' AND actor_id = :actor AND outcome = 'FAILURE'
                        """)
                        .param("actor", officer.id())
                        .query(String.class)
                        .list())
                .anySatisfy(details -> {
                    assertThat(details).contains(failed.id().toString());
                    assertThat(AuditSentences.dutch(details))
                            .startsWith(
                                    "Raamwerk uit „afgebroken.json“ niet ingelezen: Het bestand is geen geldige JSON");
                });
        mvc.perform(get("/frameworks/imports/{id}", failed.id()).with(signedIn(officer)))
                .andExpect(content().string(containsString("geen geldige JSON of is onvolledig")))
                .andExpect(content().string(containsString("Er is niets opgeslagen.")));
    }

    @Test
    void brokenFilesAreExplainedInDutchInTermsOfTheFileNeverOfTheParser() throws Exception {
        String framework = "{\"format\":\"bolwerk-framework/1\",";
        Map<String, String> explanations = new LinkedHashMap<>();
        explanations.put(
                "BOLWERK " + framework + "\"nodes\":" + "[{\"ref\":\"A\",\"nodes\":".repeat(400), "te diep genest");
        explanations.put("OSCAL {\"catalog\":{\"metadata\":" + "[".repeat(2_000), "te diep genest");
        explanations.put("BOLWERK {\"" + "a".repeat(60_000) + "\":1}", "te diep genest");
        explanations.put(
                "BOLWERK " + framework + "\"limits\":{\"keyMeasureMinimum\":" + "9".repeat(2_000) + "}}",
                "te diep genest");
        explanations.put(
                "BOLWERK " + framework + "\"nodes\":[{\"ref\":\"A\",\"bogus\":1}]}", "het veld nodes[0].bogus");
        explanations.put("BOLWERK [1,2,3]", "niet de vorm die verwacht wordt (probleem bij regel:kolom 1:1)");
        explanations.put("OSCAL {\"catalog\": nee}", "geen geldige JSON");
        explanations.put("OSCAL [\"catalog\"]", "geen bruikbare OSCAL-catalogus: catalog ontbreekt");
        long before = versions();

        for (Map.Entry<String, String> file : explanations.entrySet()) {
            String kind = file.getKey().substring(0, file.getKey().indexOf(' '));
            byte[] content = file.getKey().substring(kind.length() + 1).getBytes(StandardCharsets.UTF_8);
            FrameworkImports.Status failed = finished(upload(kind, "kapot.json", content));
            assertThat(failed.failed()).isTrue();
            String page = mvc.perform(
                            get("/frameworks/imports/{id}", failed.id()).with(signedIn(officer)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .as(file.getValue())
                    .contains(file.getValue(), "Er is niets opgeslagen.")
                    .doesNotContain(PARSER_INTERNALS);
        }
        byte[] garbage = new byte[4096];
        new Random(8).nextBytes(garbage);
        for (String kind : List.of("BOLWERK", "OSCAL")) {
            FrameworkImports.Status failed = finished(upload(kind, "ruis.json", garbage));
            assertThat(failed.messageKey()).isIn("framework.invalid.json", "framework.invalid.notJson");
            mvc.perform(get("/frameworks/imports/{id}", failed.id()).with(signedIn(officer)))
                    .andExpect(content().string(containsString("geen geldige JSON")))
                    .andExpect(content().string(not(containsString("Exception"))));
        }
        assertThat(versions()).isEqualTo(before);
    }

    /** What Jackson's own messages would have shown: its limits, its exceptions and our classes. */
    private static final String[] PARSER_INTERNALS = {
        "StreamReadConstraints", "Exception", "tools.jackson", "be.bolwerk", "java.", "(class ", "Unrecognized"
    };

    @Test
    void ourOwnExportImportsAgainAsANewVersionButNotTwice() throws Exception {
        FrameworkSummary quickscan = builtIn("quickscan-actiedomeinen");
        byte[] exported = mvc.perform(
                        get("/frameworks/{id}/export.json", quickscan.id()).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String version = "test-" + System.nanoTime() % 100_000_000;
        String renamed = new String(exported, StandardCharsets.UTF_8)
                .replace("\"version\" : \"" + quickscan.version() + "\"", "\"version\" : \"" + version + "\"");
        assertThat(renamed).contains(version);

        FrameworkImports.Status done =
                finished(upload("BOLWERK", "quickscan.json", renamed.getBytes(StandardCharsets.UTF_8)));

        assertThat(done.failed()).as("%s %s", done.messageKey(), done.detail()).isFalse();
        Framework copy = frameworks.get(done.frameworkId());
        Framework original = frameworks.get(quickscan.id());
        assertThat(copy.version()).isEqualTo(version);
        assertThat(copy.areas()).isEqualTo(original.areas());
        assertThat(copy.tags()).isEqualTo(original.tags());

        FrameworkImports.Status again =
                finished(upload("BOLWERK", "quickscan.json", renamed.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.failed()).isTrue();
        assertThat(again.messageKey()).isEqualTo("framework.invalid.duplicate");
    }

    @Test
    void onlyContentManagersImportButEveryoneReads() throws Exception {
        CurrentUser member = TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.MEMBER);
        mvc.perform(multipart("/frameworks/imports")
                        .file(new MockMultipartFile("file", "x.json", "application/json", "{}".getBytes()))
                        .with(signedIn(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/frameworks").with(signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quick scan actiedomeinen")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Een raamwerk importeren"))));
        mvc.perform(get("/api/v1/frameworks").with(signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'quickscan-actiedomeinen')]").exists());
    }

    @Test
    void anEmptyUploadIsExplainedNotFailed() throws Exception {
        mvc.perform(multipart("/frameworks/imports")
                        .file(new MockMultipartFile("file", "leeg.json", "application/json", new byte[0]))
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "framework.import.noFile"));
    }
}
