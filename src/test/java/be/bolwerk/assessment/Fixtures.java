package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.framework.imports.ImportsAwait;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What the self-evaluation tests set up again and again: an organisation, its people, a started assessment. */
public final class Fixtures {

    static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private Fixtures() {}

    /** A demo organisation that has no assessment yet, so a test's figures are its own. */
    static UUID freshOrganisation(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT id FROM organisation o
                        WHERE NOT EXISTS (SELECT 1 FROM assessment a WHERE a.organisation_id = o.id)
                        ORDER BY name LIMIT 1
                        """).query(UUID.class).single();
    }

    /** Someone with a role in one organisation (not a stored account; enough for the pages). */
    static CurrentUser person(UUID organisation, OrganisationRole role) {
        UUID id = UUID.randomUUID();
        return new CurrentUser(
                id, id + "@test.invalid", "Test " + role, null, true, Set.of(), Map.of(organisation, role));
    }

    /** The admin of some other organisation. */
    static CurrentUser stranger() {
        return person(UUID.randomUUID(), OrganisationRole.ORGANISATION_ADMIN);
    }

    /**
     * A private copy of the built-in quick scan under a fresh version, imported as a programme officer would,
     * after {@code edit} changed its JSON (renumber a control, add a mapping). Tests that count submissions
     * on their own version are not disturbed by other tests.
     */
    static FrameworkVersionId quickscanCopy(
            Frameworks frameworks, FrameworkImports imports, java.util.function.UnaryOperator<String> edit)
            throws java.io.IOException {
        FrameworkSummary quickscan = frameworks.all().stream()
                .filter(f -> f.code().equals("quickscan-actiedomeinen") && f.source() == FrameworkSource.BUILT_IN)
                .findFirst()
                .orElseThrow();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        frameworks.export(quickscan.id(), out);
        String version = "t" + (System.nanoTime() % 1_000_000_000L);
        String json = out.toString(java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"version\" : \"" + quickscan.version() + "\"", "\"version\" : \"" + version + "\"");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("framework", ".json");
        java.nio.file.Files.writeString(file, edit.apply(json), java.nio.charset.StandardCharsets.UTF_8);
        UUID importId = imports.start("copy.json", FrameworkImports.Kind.BOLWERK, file, UUID.randomUUID());
        FrameworkImports.Status status = ImportsAwait.finished(imports, importId);
        assertThat(status.failed())
                .as("%s %s", status.messageKey(), status.detail())
                .isFalse();
        frameworks.publish(status.frameworkId(), UUID.randomUUID()); // an import is a draft until published
        return status.frameworkId();
    }

    /**
     * An assessment written straight to the tables, for a state the pages take long to reach (last year's
     * submission, a peer's total, another organisation's draft). {@code total} and {@code reached} may be
     * {@code null}; a submitted one is submitted now.
     */
    public static UUID storedAssessment(
            JdbcClient jdbc,
            UUID organisation,
            UUID framework,
            int year,
            String status,
            BigDecimal total,
            Boolean reached) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO assessment (organisation_id, id, framework_version_id, assessment_year, status,
                            started_by, started_at, submitted_at, version, total_score, target_reached)
                        VALUES (:org, :id, :framework, :year, :status, :org, CURRENT_TIMESTAMP,
                            CASE WHEN :status = 'SUBMITTED' THEN CURRENT_TIMESTAMP END, :version, :total, :reached)
                        """)
                .param("org", organisation)
                .param("id", id)
                .param("framework", framework)
                .param("year", year)
                .param("status", status)
                .param("version", "SUBMITTED".equals(status) ? 1 : 0)
                .param("total", total)
                .param("reached", reached)
                .update();
        return id;
    }

    /** One stored answer with both maturities, answered now by the organisation itself. */
    public static void storedAnswer(
            JdbcClient jdbc,
            UUID organisation,
            UUID assessment,
            String ref,
            int documentation,
            int implementation,
            String comment,
            int revision) {
        jdbc.sql("""
                        INSERT INTO assessment_answer (organisation_id, assessment_id, control_ref, documentation,
                            implementation, not_applicable, comment, answered_by, answered_at, revision)
                        VALUES (:org, :id, :ref, :documentation, :implementation, FALSE, :comment, :org, CURRENT_TIMESTAMP, :revision)
                        """)
                .param("org", organisation)
                .param("id", assessment)
                .param("ref", ref)
                .param("documentation", documentation)
                .param("implementation", implementation)
                .param("comment", comment)
                .param("revision", revision)
                .update();
    }

    public static UUID builtIn(JdbcClient jdbc, String code) {
        return jdbc.sql("SELECT id FROM framework_version WHERE code = :code AND source = 'BUILT_IN'")
                .param("code", code)
                .query(UUID.class)
                .single();
    }

    static String status(JdbcClient jdbc, UUID assessment) {
        return jdbc.sql("SELECT status FROM assessment WHERE id = :id")
                .param("id", assessment)
                .query(String.class)
                .single();
    }

    /** Two admins of a fresh organisation and its quickscan of this year: the cast of the two-person tests. */
    record TwoAdmins(UUID organisation, CurrentUser ann, CurrentUser bert, UUID assessment) {}

    static TwoAdmins twoAdminsOnAQuickscan(MockMvc mvc, JdbcClient jdbc) throws Exception {
        UUID organisation = freshOrganisation(jdbc);
        CurrentUser ann = person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser bert = person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = start(mvc, ann, organisation, builtIn(jdbc, "quickscan-actiedomeinen"), THIS_YEAR);
        return new TwoAdmins(organisation, ann, bert, assessment);
    }

    static UUID start(MockMvc mvc, CurrentUser admin, UUID organisation, FrameworkVersionId framework, int year)
            throws Exception {
        return start(mvc, admin, organisation, framework.value(), year);
    }

    /** Starts (or reopens) the organisation's assessment through the page, as its admin would. */
    static UUID start(MockMvc mvc, CurrentUser admin, UUID organisation, UUID framework, int year) throws Exception {
        String location = mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", framework.toString())
                        .param("year", String.valueOf(year))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/assessments/");
        return UUID.fromString(location.substring("/assessments/".length()));
    }
}
