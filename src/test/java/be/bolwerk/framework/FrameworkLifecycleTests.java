package be.bolwerk.framework;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.AuditSentences;
import be.bolwerk.TestFiles;
import be.bolwerk.TestUsers;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.framework.imports.ImportsAwait;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * A framework's life cycle through the pages and the API, on the real NIST catalogs: an import is a draft that
 * organisations cannot find (404), only the programme office publishes, retires and deletes it (CSRF required),
 * a retired version starts no new self-evaluation but stays readable, and every step is in the audit trail with
 * who did it — the import also with the file it came from.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrameworkLifecycleTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final FrameworkImports imports;
    private final Frameworks frameworks;
    private final CurrentUser officer = TestUsers.programmeOfficer();
    private final CurrentUser admin =
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);
    private final CurrentUser editor = TestUsers.persona(Persona.TOOLKIT_EDITOR);
    private final List<FrameworkVersionId> imported = new ArrayList<>();

    FrameworkLifecycleTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired FrameworkImports imports,
            @Autowired Frameworks frameworks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.imports = imports;
        this.frameworks = frameworks;
    }

    /**
     * Other test classes import the same NIST catalogs into the same database and may leave them behind: this
     * class starts from none, so a version it imports is never taken for a duplicate of theirs.
     */
    @BeforeEach
    void noNistCatalogYet() {
        String nist = "SELECT id FROM framework_version WHERE code LIKE 'nist-special-publication-800-53-%'";
        jdbc.sql("DELETE FROM assessment WHERE framework_version_id IN (" + nist + ")")
                .update();
        jdbc.sql("DELETE FROM framework_version WHERE code LIKE 'nist-special-publication-800-53-%'")
                .update();
    }

    /** Other tests import the same catalogs: what this class imported goes again. */
    @AfterEach
    void removeImports() {
        for (FrameworkVersionId id : imported) {
            jdbc.sql("DELETE FROM assessment WHERE framework_version_id = :id")
                    .param("id", id.value())
                    .update();
            jdbc.sql("DELETE FROM framework_version WHERE id = :id")
                    .param("id", id.value())
                    .update();
        }
    }

    /** Uploads through the page without naming the format, as the form does by default. */
    private FrameworkVersionId importThroughThePage(Path catalog, String code) throws Exception {
        var request = multipart("/frameworks/imports")
                .file(new MockMultipartFile(
                        "file", catalog.getFileName().toString(), "application/json", Files.readAllBytes(catalog)))
                .param("kind", "")
                .with(signedIn(officer))
                .with(csrf());
        if (code != null) {
            request.param("code", code);
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        FrameworkImports.Status done =
                ImportsAwait.finished(imports, UUID.fromString(location.substring("/frameworks/imports/".length())));
        assertThat(done.failed()).as("%s %s", done.messageKey(), done.detail()).isFalse();
        assertThat(done.kind()).isEqualTo(FrameworkImports.Kind.OSCAL);
        imported.add(done.frameworkId());
        return done.frameworkId();
    }

    private long audited(String type, FrameworkVersionId id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = :type AND details LIKE :id")
                .param("type", type)
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void anImportIsADraftThatOrganisationsCannotFind() throws Exception {
        FrameworkVersionId draft = importThroughThePage(TestFiles.NIST_LOW_REV4, "nist-rev4-draft-test");

        assertThat(frameworks.status(draft)).contains(FrameworkStatus.DRAFT);
        assertThat(frameworks.all()).extracting(FrameworkSummary::id).doesNotContain(draft);
        assertThat(frameworks.published()).extracting(FrameworkSummary::id).doesNotContain(draft);
        mvc.perform(get("/frameworks/{id}", draft).with(signedIn(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/frameworks/{id}/export.json", draft).with(signedIn(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks/{id}", draft).with(signedIn(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/frameworks").with(signedIn(admin)))
                .andExpect(jsonPath("$[?(@.id == '" + draft + "')]").doesNotExist());
        mvc.perform(get("/frameworks").with(signedIn(admin)))
                .andExpect(content().string(not(containsString(draft.toString()))));
        mvc.perform(post("/assessments")
                        .param(
                                "organisationId",
                                DemoOrganisationIds.APPELKERKE.value().toString())
                        .param("frameworkVersionId", draft.toString())
                        .param("year", String.valueOf(java.time.Year.now().getValue()))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(get("/frameworks").with(signedIn(officer)))
                .andExpect(content().string(containsString(draft.toString())))
                .andExpect(content().string(containsString("Ontwerp")));
        mvc.perform(get("/frameworks/{id}", draft).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Publiceren")))
                .andExpect(content().string(containsString("The organization:")))
                .andExpect(content().string(not(containsString("{{ insert"))));
        mvc.perform(get("/frameworks/{id}", draft).with(signedIn(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Publiceren"))));
        assertThat(AuditSentences.dutch(
                        jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'FRAMEWORK_IMPORTED'"
                                        + " AND details LIKE :id")
                                .param("id", "%" + draft + "%")
                                .query(String.class)
                                .single()))
                .as("who imported is the actor; the detail names the format and the file")
                .isEqualTo("nist-rev4-draft-test 2015-01-22 ingelezen uit"
                        + " „NIST_SP-800-53_rev4_LOW-baseline-resolved-profile_catalog.json“ (OSCAL-catalogus)");
    }

    @Test
    void onlyTheProgrammeOfficePublishesAndOnlyWithCsrf() throws Exception {
        FrameworkVersionId draft = importThroughThePage(TestFiles.NIST_LOW_REV4, "nist-rev4-publish-test");

        mvc.perform(post("/frameworks/{id}/publish", draft)
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/frameworks/{id}/publish", draft)
                        .with(signedIn(editor))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/frameworks/{id}/publish", draft).with(signedIn(officer)))
                .andExpect(status().isForbidden());
        assertThat(frameworks.status(draft)).contains(FrameworkStatus.DRAFT);

        mvc.perform(post("/frameworks/{id}/publish", draft)
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "framework.lifecycle.published"));

        assertThat(frameworks.status(draft)).contains(FrameworkStatus.PUBLISHED);
        assertThat(frameworks.published()).extracting(FrameworkSummary::id).contains(draft);
        mvc.perform(get("/frameworks/{id}", draft).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gepubliceerd")))
                .andExpect(content().string(not(containsString("Intrekken"))));
        mvc.perform(get("/api/v1/frameworks/{id}", draft).with(signedIn(admin))).andExpect(status().isOk());
        assertThat(audited("FRAMEWORK_PUBLISHED", draft)).isEqualTo(1);

        mvc.perform(post("/frameworks/{id}/publish", draft)
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "framework.lifecycle.notDraft"));
        assertThat(audited("FRAMEWORK_PUBLISHED", draft)).isEqualTo(1);
    }

    @Test
    void aRetiredVersionStartsNothingNewButStaysReadable() throws Exception {
        FrameworkVersionId version = importThroughThePage(TestFiles.NIST_LOW_REV4, "nist-rev4-retire-test");
        frameworks.publish(version, officer.id());
        int year = java.time.Year.now().getValue();
        String started = mvc.perform(post("/assessments")
                        .param(
                                "organisationId",
                                DemoOrganisationIds.APPELKERKE.value().toString())
                        .param("frameworkVersionId", version.toString())
                        .param("year", String.valueOf(year))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(post("/frameworks/{id}/retire", version)
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/frameworks/{id}/retire", version)
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "framework.lifecycle.confirmRetire"));
        assertThat(frameworks.status(version)).contains(FrameworkStatus.PUBLISHED);
        mvc.perform(post("/frameworks/{id}/retire", version)
                        .param("confirmed", "true")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "framework.lifecycle.retired"));

        assertThat(frameworks.status(version)).contains(FrameworkStatus.RETIRED);
        assertThat(frameworks.published()).extracting(FrameworkSummary::id).doesNotContain(version);
        assertThat(frameworks.all()).extracting(FrameworkSummary::id).contains(version);
        assertThatThrownBy(() -> frameworks.forNewEvaluation(version))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo("framework.lifecycle.retiredNoStart"));
        mvc.perform(post("/assessments")
                        .param(
                                "organisationId",
                                DemoOrganisationIds.OCMW_MUNTHOVE.value().toString())
                        .param("frameworkVersionId", version.toString())
                        .param("year", String.valueOf(year))
                        .with(signedIn(TestUsers.member(
                                DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get(started).with(signedIn(admin))).andExpect(status().isOk());
        mvc.perform(get("/frameworks/{id}", version).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingetrokken")));
        assertThat(audited("FRAMEWORK_RETIRED", version)).isEqualTo(1);
    }

    @Test
    void onlyADraftIsDeletedAndOnlyAfterConfirmation() throws Exception {
        FrameworkVersionId draft = importThroughThePage(TestFiles.NIST_AC2_PART, null);

        mvc.perform(post("/frameworks/{id}/delete", draft)
                        .with(signedIn(editor))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/frameworks/{id}/delete", draft)
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "framework.lifecycle.confirmDelete"));
        assertThat(frameworks.status(draft)).contains(FrameworkStatus.DRAFT);

        mvc.perform(post("/frameworks/{id}/delete", draft)
                        .param("confirmed", "true")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "framework.lifecycle.deleted"));

        assertThat(frameworks.status(draft)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM framework_node WHERE framework_version_id = :id")
                        .param("id", draft.value())
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/frameworks/{id}", draft).with(signedIn(officer))).andExpect(status().isNotFound());
        assertThat(audited("FRAMEWORK_DELETED", draft)).isEqualTo(1);

        FrameworkSummary builtIn = frameworks.published().stream()
                .filter(f -> f.source() == FrameworkSource.BUILT_IN)
                .findFirst()
                .orElseThrow();
        mvc.perform(post("/frameworks/{id}/delete", builtIn.id())
                        .param("confirmed", "true")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "framework.lifecycle.onlyDrafts"));
        assertThat(frameworks.status(builtIn.id())).contains(FrameworkStatus.PUBLISHED);
    }

    @Test
    void twoDifferentCatalogsStayTwoFrameworksUnlessTheImporterSaysOtherwise() throws Exception {
        FrameworkVersionId rev5 = importThroughThePage(TestFiles.NIST_LOW, null);
        FrameworkVersionId rev4 = importThroughThePage(TestFiles.NIST_LOW_REV4, null);

        Framework five = frameworks.get(rev5);
        Framework four = frameworks.get(rev4);
        assertThat(four.code()).isNotEqualTo(five.code());

        FrameworkVersionId asVersion = importThroughThePage(TestFiles.NIST_LOW_REV4, five.code());
        assertThat(frameworks.get(asVersion).code()).as("chosen on the form").isEqualTo(five.code());

        mvc.perform(multipart("/frameworks/imports")
                        .file(new MockMultipartFile("file", "x.json", "application/json", "{}".getBytes()))
                        .param("code", "Niet Goed!")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "framework.invalid.chosenCode"));
    }

    @Test
    void theRequirementIsVisibleWhereTheControlIsAnswered() throws Exception {
        FrameworkVersionId version = importThroughThePage(TestFiles.NIST_AC2_PART, "nist-ac2-answer-test");
        frameworks.publish(version, officer.id());
        String location = mvc.perform(post("/assessments")
                        .param(
                                "organisationId",
                                DemoOrganisationIds.APPELKERKE.value().toString())
                        .param("frameworkVersionId", version.toString())
                        .param("year", String.valueOf(java.time.Year.now().getValue()))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String page = mvc.perform(get(location + "/areas/ac").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("<strong>Eis</strong>", "<strong>d.</strong>", "<strong>1.</strong>", "Specify:")
                .contains("[Assignment: organization-defined prerequisites and criteria]")
                .doesNotContain("{{", "Shared and Group Account Credential Change", "AC-2 Account Management");
        String requirement = page.substring(page.indexOf("class=\"requirement\""));
        assertThat(page.substring(0, page.indexOf("class=\"requirement\"")).lastIndexOf("<details"))
                .as("the requirement is not inside a folded section")
                .isLessThan(
                        page.substring(0, page.indexOf("class=\"requirement\"")).lastIndexOf("</details>") + 1);
        assertThat(requirement).contains("Define and document the types of accounts");
    }
}
