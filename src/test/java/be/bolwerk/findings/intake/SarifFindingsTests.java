package be.bolwerk.findings.intake;

import static be.bolwerk.findings.intake.CsvFindingsTests.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import be.bolwerk.findings.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * SARIF 2.1.0 from four real scanners, each carrying severity and identity in another place (see the README
 * beside the files), and copies of them edited to break one rule.
 */
class SarifFindingsTests {

    private final FindingFiles files = RealFiles.reader();

    /** CodeQL: no result has a level, so each takes its rule's default; partial fingerprints on every result. */
    @Test
    void readsCodeQlWithLevelsFromTheRules() {
        IntakeResult result = sarif("sarif/codeQL-output.sarif");

        assertThat(result.valid()).isTrue();
        assertThat(result.candidates()).hasSize(72);
        assertThat(countBySeverity(result))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.LOW, 57L, Severity.HIGH, 11L, Severity.MEDIUM, 4L));
        Candidate first = result.candidates().get(0);
        assertThat(first.line()).isEqualTo(4021);
        assertThat(first.tool()).isEqualTo("CodeQL 2.5.4");
        assertThat(first.title()).isEqualTo("Empty except");
        assertThat(first.description())
                .startsWith("'except' clause does nothing but pass and there is no explanatory comment.");
        assertThat(first.affectedSystem()).isEqualTo("good/db_init.py");
        assertThat(first.location()).isEqualTo("good/db_init.py:39");
        assertThat(first.cwe()).isEqualTo(390);
        assertThat(first.repeatKey().kind()).isEqualTo(RepeatKey.Kind.FINGERPRINT);
        assertThat(first.repeatKey().value())
                .isEqualTo("CodeQL 2.5.4 | py/empty-except | good/db_init.py | "
                        + "primaryLocationLineHash=9cbc869fbfffeb60:1,primaryLocationStartColumnFingerprint=0");
        assertThat(result.candidates())
                .filteredOn(candidate -> candidate.title().equals("Wrong name for an argument in a call"))
                .extracting(Candidate::severity, Candidate::location)
                .contains(tuple(Severity.HIGH, "good/mod_user.py:33"));
        assertThat(result.candidates()).extracting(Candidate::repeatKey).doesNotHaveDuplicates();
    }

    /** SpotBugs: messages have no text, only an id into the rule's messageStrings and arguments. */
    @Test
    void readsSpotBugsWithMessagesBuiltFromMessageStrings() {
        IntakeResult result = sarif("sarif/spotbugs.sarif");

        assertThat(result.candidates()).hasSize(56);
        assertThat(result.candidates()).extracting(Candidate::severity).containsOnly(Severity.LOW);
        Candidate first = result.candidates().get(0);
        assertThat(first.line()).isEqualTo(198);
        assertThat(first.tool()).isEqualTo("SpotBugs 4.4.0");
        assertThat(first.title()).isEqualTo("Code contains a hard coded reference to an absolute pathname.");
        assertThat(first.description())
                .isEqualTo("Hard coded reference to an absolute pathname in Boot.main(String[]).");
        assertThat(first.references())
                .containsExactly(
                        "https://spotbugs.readthedocs.io/en/latest/bugDescriptions.html#DMI_HARDCODED_ABSOLUTE_FILENAME");
        // no fingerprints at all: rule and place are all there is to recognise a result by
        assertThat(first.repeatKey())
                .isEqualTo(new RepeatKey(
                        RepeatKey.Kind.RULE_AT_LOCATION,
                        "SpotBugs 4.4.0 | DMI_HARDCODED_ABSOLUTE_FILENAME | Boot.java:23"));
        assertThat(result.candidates())
                .allSatisfy(candidate -> assertThat(candidate.description()).doesNotContain("{0}"));
    }

    /** Flawfinder: one result of kind pass is no finding; the one of kind fail without a level takes error. */
    @Test
    void readsFlawfinderSkippingPassesAndUsingFingerprints() {
        IntakeResult result = sarif("sarif/flawfinder.sarif");

        assertThat(result.candidates()).hasSize(53);
        assertThat(countBySeverity(result))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Severity.LOW, 50L, Severity.MEDIUM, 1L, Severity.HIGH, 2L));
        Candidate first = result.candidates().get(0);
        assertThat(first.line()).isEqualTo(284);
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.cwe()).isEqualTo(327);
        assertThat(first.location()).isEqualTo("src/tree/param.cc:29");
        assertThat(first.repeatKey())
                .isEqualTo(new RepeatKey(
                        RepeatKey.Kind.FINGERPRINT,
                        "Flawfinder 2.0.19 | FF1048 | "
                                + "contextHash/v1=e6c1ad2b1d96ffc4035ed8df070600566ad240b8ded025dac30620f3fd4aa9fd"));
        assertThat(result.candidates())
                .extracting(candidate -> candidate.repeatKey().kind())
                .containsOnly(RepeatKey.Kind.FINGERPRINT);
    }

    /** Grype: no levels at all; security-severity on every rule is the only signal (2.1 low … 9.8 critical). */
    @Test
    void readsGrypeBySecuritySeverityWithTheCveOnTheJar() {
        IntakeResult result = sarif("sarif/cxf-3.4.6.sarif");

        assertThat(result.candidates()).hasSize(22);
        assertThat(countBySeverity(result))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Severity.LOW, 6L, Severity.MEDIUM, 4L, Severity.HIGH, 11L, Severity.CRITICAL, 1L));
        Candidate first = result.candidates().get(0);
        assertThat(first.line()).isEqualTo(412);
        assertThat(first.severity()).isEqualTo(Severity.LOW); // 2.1
        assertThat(first.vulnerabilityId()).isEqualTo("CVE-2008-0732");
        assertThat(first.title())
                .isEqualTo("CVE-2008-0732 low vulnerability for geronimo-j2ee-management_1.1_spec package");
        assertThat(first.recommendation()).contains("Fix Version:");
        Candidate critical = result.candidates().stream()
                .filter(candidate -> candidate.severity() == Severity.CRITICAL)
                .findFirst()
                .orElseThrow();
        assertThat(critical.line()).isEqualTo(685);
        assertThat(critical.vulnerabilityId()).isEqualTo("CVE-2019-12419");
        assertThat(critical.repeatKey())
                .isEqualTo(new RepeatKey(
                        RepeatKey.Kind.VULNERABILITY_ON_SYSTEM, "CVE-2019-12419 @ lib/cxf-xjc-runtime-3.3.1.jar"));
    }

    /** SpotBugs with three results edited: one suppressed, one gone since the baseline, one under review. */
    @Test
    void leavesOutSuppressedResultsAndThoseGoneSinceTheBaseline() {
        String edited = RealFiles.text("sarif/spotbugs.sarif");
        edited = beforeResult(edited, 0, "\"suppressions\": [{\"kind\": \"inSource\"}],");
        edited = beforeResult(edited, 1, "\"baselineState\": \"absent\",");
        edited = beforeResult(edited, 2, "\"suppressions\": [{\"kind\": \"external\", \"status\": \"underReview\"}],");

        IntakeResult result = files.sarif(RealFiles.stream(edited));

        assertThat(result.valid()).isTrue();
        assertThat(result.candidates()).hasSize(54);
        assertThat(result.candidates().get(0).line()).isGreaterThan(198);
    }

    /** {@code json} with {@code property} written just before the {@code ruleId} of the result at {@code index}. */
    private static String beforeResult(String json, int index, String property) {
        int at = -1;
        for (int i = 0; i <= index; i++) {
            at = json.indexOf("\"ruleId\"", at + 1);
        }
        return json.substring(0, at) + property + " " + json.substring(at);
    }

    @Test
    void readsALogWithoutRunsAsNothingFound() {
        IntakeResult result = sarif("sarif/no_runs.sarif");

        assertThat(result.valid()).isTrue();
        assertThat(result.candidates()).isEmpty();
    }

    /** The Grype file with one rule's score made a word and one result given a level SARIF does not know. */
    @Test
    void listsTheWrongResultsOfAnEditedRealFileAndImportsNothing() {
        String edited = RealFiles.text("sarif/cxf-3.4.6.sarif")
                .replace("\"security-severity\": \"9.8\"", "\"security-severity\": \"critical\"")
                .replaceFirst(
                        "\"ruleId\": \"CVE-2008-0732-geronimo-j2ee-management_1.1_spec\",",
                        "\"ruleId\": \"CVE-2008-0732-geronimo-j2ee-management_1.1_spec\", \"level\": \"fatal\",");
        String flawfinder =
                RealFiles.text("sarif/flawfinder.sarif").replaceFirst("\"kind\": \"fail\",", "\"level\": \"fatal\",");

        IntakeResult result = files.sarif(RealFiles.stream(edited));
        IntakeResult other = files.sarif(RealFiles.stream(flawfinder));

        assertThat(result.candidates()).isEmpty();
        assertThat(result.errors())
                .extracting(RowError::line, RowError::field, RowError::messageKey, RowError::arguments)
                .containsExactly(
                        tuple(685, "security-severity", "findings.intake.row.securitySeverity", List.of("critical")));
        assertThat(other.candidates()).isEmpty();
        assertThat(other.errors())
                .extracting(RowError::line, RowError::field, RowError::messageKey, RowError::arguments)
                .containsExactly(tuple(284, "level", "findings.intake.row.level", List.of("fatal")));
    }

    @Test
    void refusesAnotherSarifVersion() {
        String older = RealFiles.text("sarif/no_runs.sarif").replace("\"2.1.0\"", "\"2.0.0\"");

        assertRefused(() -> files.sarif(RealFiles.stream(older)), "findings.intake.sarif.version");
    }

    @Test
    void refusesJsonThatIsNoSarif() {
        assertRefused(() -> files.sarif(RealFiles.stream("{\"runs\": []}")), "findings.intake.sarif.notSarif");
        assertRefused(() -> files.sarif(RealFiles.stream("[1, 2]")), "findings.intake.sarif.notSarif");
        assertRefused(
                () -> files.sarif(RealFiles.stream("{\"version\": \"2.1.0\", \"runs\": {}}")),
                "findings.intake.sarif.shape");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertRefused(() -> files.sarif(RealFiles.stream("Date,Title\n")), "findings.intake.sarif.notJsonAt");
        String truncated = RealFiles.text("sarif/spotbugs.sarif");
        assertRefused(
                () -> files.sarif(RealFiles.stream(truncated.substring(0, truncated.length() / 2))),
                "findings.intake.sarif.notJsonAt");
    }

    @Test
    void refusesMoreResultsThanTheLimit() {
        FindingFiles limited = RealFiles.reader(new IntakeLimits(DataSize.ofMegabytes(10), 56));

        assertThat(limited.sarif(RealFiles.stream(RealFiles.bytes("sarif/spotbugs.sarif")))
                        .candidates())
                .hasSize(56);
        assertRefused(
                () -> limited.sarif(RealFiles.stream(RealFiles.bytes("sarif/codeQL-output.sarif"))),
                "findings.intake.tooManyRows");
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        FindingFiles limited = RealFiles.reader(new IntakeLimits(DataSize.ofKilobytes(100), 5000));

        assertRefused(
                () -> limited.sarif(RealFiles.stream(RealFiles.bytes("sarif/codeQL-output.sarif"))),
                "findings.intake.tooLarge");
    }

    /** Deeper than Jackson's nesting limit: refused with our sentence, not a stack overflow or Jackson's text. */
    @Test
    void refusesDeepNesting() {
        String deep = "{\"version\": \"2.1.0\", \"runs\": [{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}]}";

        assertRefused(() -> files.sarif(RealFiles.stream(deep)), "findings.intake.sarif.limits");
    }

    private IntakeResult sarif(String name) {
        return files.sarif(RealFiles.stream(RealFiles.bytes(name)));
    }

    private static Map<Severity, Long> countBySeverity(IntakeResult result) {
        return result.candidates().stream().collect(Collectors.groupingBy(Candidate::severity, Collectors.counting()));
    }
}
