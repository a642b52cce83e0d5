package be.bolwerk.findings.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.AtOnce;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.intake.DateOrder;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports through the use case, on the real scanner files and on the database under test (H2, and PostgreSQL when
 * the suite names it): a file imported twice adds nothing the second time; repeats are recognised by external id,
 * CVE on the same system and SARIF fingerprint, within one organisation only; a resolved finding that reappears is
 * reopened; a confirmation counts once, also when two arrive at the same moment; an invalid file keeps nothing.
 */
@SpringBootTest
class FindingImportTests {

    static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final Importing importing;
    private final Handling handling;
    private final JdbcClient jdbc;
    private CurrentUser iso;

    FindingImportTests(@Autowired Importing importing, @Autowired Handling handling, @Autowired JdbcClient jdbc) {
        this.importing = importing;
        this.handling = handling;
        this.jdbc = jdbc;
    }

    @BeforeEach
    @AfterEach
    void clean() {
        ImportFiles.forget(jdbc);
        iso = ImportFiles.account(
                jdbc, "iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
    }

    @Test
    void everyRealSarifFileImportedTwiceAddsNothingTheSecondTime() {
        long audited = audited("FINDINGS_IMPORTED");
        long seenAgain = audited("FINDING_SEEN_AGAIN");
        for (String file : List.of("codeQL-output.sarif", "spotbugs.sarif", "flawfinder.sarif", "cxf-3.4.6.sarif")) {
            Importing.Preview first = sarif(file);
            assertThat(first.valid()).as(file).isTrue();
            assertThat(first.repeats()).as(file).isZero();
            Importing.Outcome imported = importing.confirm(first.stored().id(), iso);
            assertThat(imported.created()).as(file).isEqualTo(first.fresh()).isPositive();
            long findings = imports();

            Importing.Preview again = sarif(file);
            assertThat(again.fresh()).as("%s the second time", file).isZero();
            assertThat(again.repeats()).as(file).isEqualTo(first.fresh());
            Importing.Outcome twice = importing.confirm(again.stored().id(), iso);
            assertThat(twice.created()).as(file).isZero();
            assertThat(twice.updated()).as(file).isEqualTo(first.fresh());
            assertThat(imports()).as("%s added nothing", file).isEqualTo(findings);
        }
        assertThat(audited("FINDINGS_IMPORTED")).as("one audit row per import").isEqualTo(audited + 8);
        assertThat(audited("FINDING_SEEN_AGAIN")).isGreaterThan(seenAgain);
    }

    @Test
    void aRealCsvWithoutStableKeysIsRecognisedAsTheSameFile() {
        byte[] file = ImportFiles.bytes("csv/generic_report1.csv");
        Importing.Preview first = csv(file, DateOrder.DAY_MONTH);
        assertThat(first.rows()).hasSize(5);
        importing.confirm(first.stored().id(), iso);
        Importing.Preview again = csv(file, DateOrder.DAY_MONTH);
        assertThat(again.repeats()).isEqualTo(5);
        assertThat(importing.confirm(again.stored().id(), iso).created()).isZero();
        assertThat(imports()).isEqualTo(5);
    }

    @Test
    void externalIdAndCveOnTheSameSystemUpdateTheFindingAndTheOwnerIsMailedOnce() {
        Importing.Preview first = csv(ImportFiles.OWN_CSV.getBytes(StandardCharsets.UTF_8), DateOrder.FROM_FILE);
        assertThat(first.errors()).isEmpty();
        Importing.Outcome imported = importing.confirm(first.stored().id(), iso);
        assertThat(imported.created()).isEqualTo(2);
        FindingId tls = finding("Verouderde TLS op de webmail");
        assertThat(jdbc.sql("SELECT owner_name || '|' || cvss_score || '|' || planned_on || '|' || control_ref"
                                + " || '|' || external_id || '|' || source FROM finding WHERE id = :id")
                        .param("id", tls.value())
                        .query(String.class)
                        .single())
                .isEqualTo("Marc Kerkhofs|7.5|2027-03-31|AD03.2|BW-1|IMPORT");

        String changed = """
                Title,Severity,Description,ExternalId,VulnerabilityId,Url,Owner
                TLS 1.0 nog aan op de webmail,High,Nog steeds,BW-1,,,medewerker@appelkerke.invalid
                Log4Shell in de printserver,Critical,Nu kritiek,,cve-2021-44228,print01,
                """;
        Importing.Preview second = csv(changed.getBytes(StandardCharsets.UTF_8), DateOrder.FROM_FILE);
        assertThat(second.repeats())
                .as("by external id and by CVE on the same system")
                .isEqualTo(2);
        importing.confirm(second.stored().id(), iso);
        assertThat(imports()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT title || '|' || severity FROM finding WHERE id = :id")
                        .param("id", tls.value())
                        .query(String.class)
                        .single())
                .isEqualTo("TLS 1.0 nog aan op de webmail|HIGH");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'medewerker@appelkerke.invalid'"
                                + " AND subject = 'Bevinding voor u: Verouderde TLS op de webmail'")
                        .query(Long.class)
                        .single())
                .as("the owner is mailed when the finding arrives, not when it is seen again")
                .isEqualTo(1);
        // The same CVE on another system is another finding.
        Importing.Preview other = csv(
                "Title,Severity,VulnerabilityId,Url\nLog4Shell,Critical,CVE-2021-44228,print02\n"
                        .getBytes(StandardCharsets.UTF_8),
                DateOrder.FROM_FILE);
        assertThat(other.fresh()).isEqualTo(1);
    }

    @Test
    void aResolvedFindingThatReappearsIsReopenedAndKeepsItsDueDate() {
        Importing.Preview first = sarif("spotbugs.sarif");
        importing.confirm(first.stored().id(), iso);
        FindingId one = first.rows().stream()
                .map(r -> finding(r.row().title(), r.row().affectedSystem()))
                .findFirst()
                .orElseThrow();
        handling.confirm(one, iso);
        handling.resolve(one, "opgelost", iso);
        Object due = dueDate(one);

        importing.confirm(sarif("spotbugs.sarif").stored().id(), iso);
        assertThat(jdbc.sql("SELECT status FROM finding WHERE id = :id")
                        .param("id", one.value())
                        .query(String.class)
                        .single())
                .isEqualTo("REOPENED");
        assertThat(dueDate(one)).isEqualTo(due);
        assertThat(jdbc.sql("SELECT step FROM finding_history WHERE finding_id = :id ORDER BY seq")
                        .param("id", one.value())
                        .query(String.class)
                        .list())
                .endsWith("SEEN_AGAIN", "REOPENED");
    }

    @Test
    void aConfirmationCountsOnceAlsoWhenTwoArriveAtOnce() throws Exception {
        Importing.Preview preview = sarif("flawfinder.sarif");
        List<Importing.Outcome> outcomes = AtOnce.run(
                () -> importing.confirm(preview.stored().id(), iso),
                () -> importing.confirm(preview.stored().id(), iso));
        assertThat(outcomes).filteredOn(Importing.Outcome::before).hasSize(1);
        assertThat(imports()).isEqualTo(preview.fresh());
        Importing.Outcome replay = importing.confirm(preview.stored().id(), iso);
        assertThat(replay.before()).isTrue();
        assertThat(replay.created()).isEqualTo(preview.fresh());
        assertThat(imports()).isEqualTo(preview.fresh());
    }

    @Test
    void repeatsAreRecognisedWithinOneOrganisationOnly() {
        importing.confirm(sarif("spotbugs.sarif").stored().id(), iso);
        CurrentUser munthove = ImportFiles.account(
                jdbc, "iso@munthove.invalid", Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        Importing.Preview theirs = importing.preview(
                MUNTHOVE,
                FindingImport.Format.SARIF,
                null,
                "spotbugs.sarif",
                stream(ImportFiles.bytes("sarif/spotbugs.sarif")),
                munthove);
        assertThat(theirs.repeats()).isZero();
        assertThatThrownBy(() -> importing.show(theirs.stored().id(), iso)).isInstanceOf(ImportNotFound.class);
        assertThatThrownBy(() -> importing.confirm(theirs.stored().id(), iso)).isInstanceOf(ImportNotFound.class);
    }

    @Test
    void anInvalidFileKeepsNothingAndAnOwnerMustBeAMember() {
        long before = kept();
        Importing.Preview wrong =
                csv("Title,Severity\nGoed,High\nFout,Enorm\n".getBytes(StandardCharsets.UTF_8), DateOrder.FROM_FILE);
        assertThat(wrong.valid()).isFalse();
        assertThat(wrong.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(3));
        Importing.Preview stranger = csv(
                "Title,Severity,Owner\nGoed,High,iemand@elders.invalid\n".getBytes(StandardCharsets.UTF_8),
                DateOrder.FROM_FILE);
        assertThat(stranger.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo(Importing.OWNER_NOT_MEMBER));
        assertThat(kept()).isEqualTo(before);
        assertThat(imports()).isZero();
    }

    private Importing.Preview sarif(String file) {
        return importing.preview(
                APPELKERKE, FindingImport.Format.SARIF, null, file, stream(ImportFiles.bytes("sarif/" + file)), iso);
    }

    private Importing.Preview csv(byte[] file, DateOrder order) {
        return importing.preview(APPELKERKE, FindingImport.Format.CSV, order, "scan.csv", stream(file), iso);
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private long imports() {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE organisation_id = :org AND source = 'IMPORT'")
                .param("org", APPELKERKE)
                .query(Long.class)
                .single();
    }

    private long audited(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = :type AND organisation_id = :org")
                .param("type", type)
                .param("org", APPELKERKE)
                .query(Long.class)
                .single();
    }

    private long kept() {
        return jdbc.sql("SELECT COUNT(*) FROM finding_import").query(Long.class).single();
    }

    private FindingId finding(String title) {
        return new FindingId(jdbc.sql("SELECT id FROM finding WHERE title = :t AND organisation_id = :org")
                .param("t", title)
                .param("org", APPELKERKE)
                .query(UUID.class)
                .single());
    }

    private FindingId finding(String title, String system) {
        return new FindingId(jdbc.sql("SELECT id FROM finding WHERE title = :t AND affected_system = :s"
                        + " AND organisation_id = :org AND source = 'IMPORT'")
                .param("t", title)
                .param("s", system)
                .param("org", APPELKERKE)
                .query(UUID.class)
                .single());
    }

    private Object dueDate(FindingId id) {
        return jdbc.sql("SELECT due_date FROM finding WHERE id = :id")
                .param("id", id.value())
                .query(java.time.LocalDate.class)
                .optional()
                .orElse(null);
    }
}
