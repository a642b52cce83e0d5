package be.bolwerk.findings.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The generic findings CSV, proved on DefectDojo's real files and on copies of them edited to break one rule. */
class CsvFindingsTests {

    private static final String HEADER =
            "Date,Title,Severity,Description,Mitigation,Impact,References,CweId,VulnerabilityId,CVSSV3,CVSSV4,Url,"
                    + "Owner,DueDate,ExternalId,ControlRef\n";

    private final FindingFiles files = RealFiles.reader();

    /** Nikto's four findings, dated 01/30/2018: month first. */
    @Test
    void readsTheNiktoExportMonthFirst() {
        IntakeResult result = csv("csv/generic_csv_defect_dojo.csv", DateOrder.MONTH_DAY);

        assertThat(result.valid()).isTrue();
        assertThat(result.dateOrder()).isEqualTo(DateOrder.MONTH_DAY);
        assertThat(result.candidates())
                .extracting(Candidate::line, Candidate::severity, Candidate::foundOn, Candidate::affectedSystem)
                .containsExactly(
                        tuple(2, Severity.LOW, LocalDate.of(2018, 1, 30), "https://192.168.1.1/"),
                        tuple(3, Severity.LOW, LocalDate.of(2018, 1, 30), "https://192.168.1.1/"),
                        tuple(4, Severity.LOW, LocalDate.of(2018, 1, 30), "https://192.168.1.1/"),
                        tuple(5, Severity.LOW, LocalDate.of(2018, 1, 30), "https://192.168.1.1/"));
        Candidate first = result.candidates().get(0);
        // quoted because of its commas, and stripped of the trailing space the file has
        assertThat(first.title())
                .isEqualTo("Server leaks inodes via ETags, header found with file /, fields: 0xW/109b "
                        + "0xpqG8TolgxCnpM/7cGOOI0GRS+rc");
        assertThat(result.candidates().get(2).title()).isEqualTo("Cookie connect.sid created without the secure flag");
        // CweId 0 is the format's "none"; empty Mitigation, Impact, References stay absent
        assertThat(first.cwe()).isNull();
        assertThat(first.recommendation()).isNull();
        assertThat(first.references()).isEmpty();
        // no ExternalId, no VulnerabilityId: nothing to recognise these by in a later import
        assertThat(result.candidates())
                .allSatisfy(candidate -> assertThat(candidate.repeatKey()).isNull());
    }

    @Test
    void refusesEveryNiktoRowWhenDayFirstIsChosen() {
        IntakeResult result = csv("csv/generic_csv_defect_dojo.csv", DateOrder.DAY_MONTH);

        assertThat(result.valid()).isFalse();
        assertThat(result.candidates()).isEmpty();
        assertThat(result.errors())
                .extracting(RowError::line, RowError::field, RowError::messageKey, RowError::arguments)
                .containsExactly(
                        tuple(2, "Date", "findings.intake.row.dateInvalid.day_month", List.of("01/30/2018")),
                        tuple(3, "Date", "findings.intake.row.dateInvalid.day_month", List.of("01/30/2018")),
                        tuple(4, "Date", "findings.intake.row.dateInvalid.day_month", List.of("01/30/2018")),
                        tuple(5, "Date", "findings.intake.row.dateInvalid.day_month", List.of("01/30/2018")));
    }

    @Test
    void findsTheOrderInTheFileWhenOneDateProvesIt() {
        assertThat(csv("csv/generic_csv_defect_dojo.csv", DateOrder.FROM_FILE).dateOrder())
                .isEqualTo(DateOrder.MONTH_DAY);

        IntakeResult dayFirst = csv("csv/generic_report1.csv", DateOrder.FROM_FILE);

        assertThat(dayFirst.dateOrder()).isEqualTo(DateOrder.DAY_MONTH);
        assertThat(dayFirst.candidates()).extracting(Candidate::foundOn).containsOnly(LocalDate.of(2021, 2, 28));
    }

    /** DefectDojo merges these five rows into one finding; Bolwerk keeps five, one per endpoint (ADR 0027). */
    @Test
    void readsFiveRowsOfOneTitleAsFiveCandidates() {
        IntakeResult result = csv("csv/generic_report1.csv", DateOrder.DAY_MONTH);

        assertThat(result.candidates()).hasSize(5);
        assertThat(result.candidates()).extracting(Candidate::title).containsOnly("ASDF");
        assertThat(result.candidates()).extracting(Candidate::cwe).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.candidates())
                .extracting(Candidate::affectedSystem)
                .doesNotHaveDuplicates()
                .contains("https://vulnerable.endpoint.com/resource2/qwerty");
        Candidate first = result.candidates().get(0);
        assertThat(first.description()).isEqualTo("Some description");
        assertThat(first.recommendation()).isEqualTo("Some mitigation advice");
        assertThat(first.impact()).isEqualTo("Some Impact");
    }

    /** generic_report1.csv as Excel saves it in a Belgian locale: semicolons, a byte order mark and CRLF. */
    @Test
    void readsSemicolonsAsABelgianSpreadsheetWritesThem() {
        String semicolons = "\uFEFF"
                + RealFiles.text("csv/generic_report1.csv").replace(',', ';').replace("\n", "\r\n");

        IntakeResult result = files.csv(RealFiles.stream(semicolons), DateOrder.FROM_FILE);

        assertThat(result.valid()).isTrue();
        assertThat(result.candidates())
                .extracting(Candidate::line, Candidate::title, Candidate::cwe, Candidate::foundOn)
                .startsWith(tuple(2, "ASDF", 1, LocalDate.of(2021, 2, 28)))
                .hasSize(5);
    }

    @Test
    void readsIsoDatesInEveryOrder() {
        IntakeResult result = csv("csv/generic_report3.csv", DateOrder.FROM_FILE);

        assertThat(result.valid()).isTrue();
        assertThat(result.candidates())
                .extracting(Candidate::title, Candidate::foundOn)
                .containsExactly(
                        tuple("Mitigated_ISO_Finding", LocalDate.of(2024, 1, 24)),
                        tuple("Mitigated_Finding", LocalDate.of(2021, 2, 28)));
    }

    /** The Nikto file with its dates moved to 1 February: 01/02/2018 proves no order, and is refused. */
    @Test
    void refusesDatesThatStayAmbiguousUntilAnOrderIsChosen() {
        String edited = RealFiles.text("csv/generic_csv_defect_dojo.csv").replace("01/30/2018", "01/02/2018");

        IntakeResult undecided = files.csv(RealFiles.stream(edited), DateOrder.FROM_FILE);
        IntakeResult chosen = files.csv(RealFiles.stream(edited), DateOrder.DAY_MONTH);

        assertThat(undecided.candidates()).isEmpty();
        assertThat(undecided.errors())
                .extracting(RowError::line, RowError::messageKey)
                .containsExactly(
                        tuple(2, "findings.intake.row.dateAmbiguous"),
                        tuple(3, "findings.intake.row.dateAmbiguous"),
                        tuple(4, "findings.intake.row.dateAmbiguous"),
                        tuple(5, "findings.intake.row.dateAmbiguous"));
        assertThat(chosen.candidates()).extracting(Candidate::foundOn).containsOnly(LocalDate.of(2018, 2, 1));
    }

    /** Rows of the two files under one header: one proves month first, the other day first. */
    @Test
    void refusesAFileThatMixesBothOrdersWhenTheOrderIsLeftToIt() {
        String nikto = RealFiles.text("csv/generic_csv_defect_dojo.csv");
        String report = RealFiles.text("csv/generic_report1.csv");
        String mixed = nikto + "\n" + report.substring(report.indexOf('\n') + 1);

        IntakeResult result = files.csv(RealFiles.stream(mixed), DateOrder.FROM_FILE);

        assertThat(result.candidates()).isEmpty();
        assertThat(result.errors())
                .hasSize(9)
                .allSatisfy(error -> assertThat(error.messageKey()).isEqualTo("findings.intake.row.dateMixed"));
    }

    /** generic_report1.csv with one thing broken in each of three rows: every wrong row is listed, none imported. */
    @Test
    void listsEveryWrongRowOfAnEditedRealFileAndImportsNothing() {
        String[] lines = RealFiles.text("csv/generic_report1.csv").split("\n");
        lines[2] = lines[2].replace(",Low,", ",Severe,");
        lines[3] = lines[3].replace(",3,", ",three,");
        lines[5] = lines[5].replace("28/02/2021", "31/02/2021");

        IntakeResult result = files.csv(RealFiles.stream(String.join("\n", lines)), DateOrder.DAY_MONTH);

        assertThat(result.candidates()).isEmpty();
        assertThat(result.errors())
                .extracting(RowError::line, RowError::field, RowError::messageKey, RowError::arguments)
                .containsExactly(
                        tuple(3, "Severity", "findings.intake.row.severityUnknown", List.of("Severe")),
                        tuple(4, "CweId", "findings.intake.row.cwe", List.of("three")),
                        tuple(6, "Date", "findings.intake.row.dateInvalid.day_month", List.of("31/02/2021")));
    }

    @Test
    void readsBolwerksOwnColumnsAndAByteOrderMark() {
        String csv = HEADER
                + "2026-11-02,Outdated TLS on mail gateway,,Accepts TLS 1.0,Disable TLS 1.0,,https://example.org/tls,"
                + "CWE-326,CVE-2011-3389,CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:N/A:N,,mail.appelkerke.invalid,"
                + "ICT@Appelkerke.invalid,15/12/2026,PT-2026-7,ICT-3.2\n"
                + "2026-11-02,Log4Shell on the intranet,Critical,,,,,,cve-2021-44228,,"
                + "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N,intranet.appelkerke.invalid,,,,\n";
        byte[] withBom = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);

        IntakeResult result = files.csv(RealFiles.stream(withBom), DateOrder.DAY_MONTH);

        assertThat(result.errors()).isEmpty();
        Candidate tls = result.candidates().get(0);
        assertThat(tls.title()).isEqualTo("Outdated TLS on mail gateway");
        // no Severity: it follows from the CVSS vector (3.1 with these metrics scores 3.4, low)
        assertThat(tls.cvss().score()).isEqualByComparingTo("3.4");
        assertThat(tls.severity()).isEqualTo(Severity.LOW);
        assertThat(tls.cwe()).isEqualTo(326);
        assertThat(tls.ownerAddress()).isEqualTo("ict@appelkerke.invalid");
        assertThat(tls.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(tls.controlRef()).isEqualTo("ICT-3.2");
        assertThat(tls.references()).containsExactly("https://example.org/tls");
        assertThat(tls.repeatKey()).isEqualTo(new RepeatKey(RepeatKey.Kind.EXTERNAL_ID, "PT-2026-7"));
        Candidate log4shell = result.candidates().get(1);
        assertThat(log4shell.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(log4shell.cvss().version()).isEqualTo(CvssVector.Version.V4_0);
        assertThat(log4shell.repeatKey())
                .isEqualTo(new RepeatKey(
                        RepeatKey.Kind.VULNERABILITY_ON_SYSTEM, "CVE-2021-44228 @ intranet.appelkerke.invalid"));
    }

    @Test
    void refusesWrongCvssVectorsOwnersAndRepeatedIdsPerRow() {
        String csv = HEADER
                + "2026-11-02,One,High,,,,,,,CVSS:3.1/AV:N/AC:L,,,,,A-1,\n"
                + "2026-11-02,Two,High,,,,,,,CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N,,,,,A-2,\n"
                + "2026-11-02,Three,High,,,,,,,,,,not-an-address,,A-3,\n"
                + "2026-11-02,Four,High,,,,,,,,,,,,A-3,\n"
                + "2026-11-02,,High,,,,,,,,,,,,A-5,\n"
                + "2026-11-02,Six,,,,,,,,,,,,,A-6,\n";

        IntakeResult result = files.csv(RealFiles.stream(csv), DateOrder.DAY_MONTH);

        assertThat(result.candidates()).isEmpty();
        assertThat(result.errors())
                .extracting(RowError::line, RowError::field, RowError::messageKey)
                .containsExactly(
                        tuple(2, "CVSSV3", "findings.cvss.invalid"),
                        tuple(3, "CVSSV3", "findings.intake.row.cvssColumn"),
                        tuple(4, "Owner", "findings.intake.row.owner"),
                        tuple(5, "ExternalId", "findings.intake.row.repeated"),
                        tuple(6, "Title", "findings.intake.row.titleMissing"),
                        tuple(7, "Severity", "findings.intake.row.severityMissing"));
        assertThat(result.errors().get(3).arguments()).containsExactly("4");
    }

    /** A spreadsheet formula in a title is the title: nothing here evaluates or strips it. */
    @Test
    void keepsTextAsText() {
        String csv = "Title,Severity,Description\n\"=HYPERLINK(\"\"http://evil.invalid\"\",\"\"x\"\")\",Low,"
                + "\"+1 line one\nline two\"\n@SUM(A1),Info,-2\n";

        IntakeResult result = files.csv(RealFiles.stream(csv), DateOrder.FROM_FILE);

        assertThat(result.candidates())
                .extracting(Candidate::line, Candidate::title, Candidate::description)
                .containsExactly(
                        tuple(2, "=HYPERLINK(\"http://evil.invalid\",\"x\")", "+1 line one\nline two"),
                        tuple(4, "@SUM(A1)", "-2"));
        assertThat(result.dateOrder()).isNull();
    }

    @Test
    void listsARowWithTooManyFields() {
        String csv = RealFiles.text("csv/generic_report3.csv").replace(",TRUE,28/03/2021", ",TRUE,28/03/2021,extra");

        IntakeResult result = files.csv(RealFiles.stream(csv), DateOrder.DAY_MONTH);

        assertThat(result.errors())
                .extracting(RowError::line, RowError::messageKey, RowError::arguments)
                .containsExactly(tuple(3, "findings.intake.row.fields", List.of("16", "15")));
    }

    @Test
    void refusesAFileWithoutATitleColumn() {
        String csv = RealFiles.text("csv/generic_report1.csv").replaceFirst("Title", "Name");

        assertRefused(() -> files.csv(RealFiles.stream(csv), DateOrder.DAY_MONTH), "findings.intake.csv.noTitleColumn");
    }

    @Test
    void refusesAColumnNamedTwice() {
        String csv = "Title,Severity,title\nA,Low,B\n";

        assertRefused(
                () -> files.csv(RealFiles.stream(csv), DateOrder.DAY_MONTH), "findings.intake.csv.duplicateColumn");
    }

    @Test
    void refusesAnUnclosedQuote() {
        String csv = "Title,Severity\n\"A,Low\n";

        assertRefused(() -> files.csv(RealFiles.stream(csv), DateOrder.DAY_MONTH), "findings.intake.csv.unreadable");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "Title,Severity\nGebrekkige beveiliging van de bibliothèque,Low\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(() -> files.csv(RealFiles.stream(latin1), DateOrder.DAY_MONTH), "findings.intake.notUtf8");
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        FindingFiles limited = RealFiles.reader(new IntakeLimits(DataSize.ofMegabytes(1), 4));

        assertThat(limited.csv(
                                RealFiles.stream(RealFiles.bytes("csv/generic_csv_defect_dojo.csv")),
                                DateOrder.MONTH_DAY)
                        .candidates())
                .hasSize(4);
        assertThatThrownBy(() ->
                        limited.csv(RealFiles.stream(RealFiles.bytes("csv/generic_report1.csv")), DateOrder.DAY_MONTH))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("findings.intake.tooManyRows");
                    assertThat(refusal.arguments()).containsExactly(4);
                });
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        FindingFiles limited = RealFiles.reader(new IntakeLimits(DataSize.ofBytes(900), 5000));

        assertThat(limited.csv(RealFiles.stream(RealFiles.bytes("csv/generic_report1.csv")), DateOrder.DAY_MONTH)
                        .valid())
                .isTrue(); // 832 bytes
        assertRefused(
                () -> limited.csv(
                        RealFiles.stream(RealFiles.bytes("csv/generic_csv_defect_dojo.csv")), DateOrder.MONTH_DAY),
                "findings.intake.tooLarge"); // 914 bytes
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(() -> files.csv(RealFiles.stream(new byte[0]), DateOrder.DAY_MONTH), "findings.intake.empty");
    }

    private IntakeResult csv(String name, DateOrder order) {
        return files.csv(RealFiles.stream(RealFiles.bytes(name)), order);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo(key));
    }
}
