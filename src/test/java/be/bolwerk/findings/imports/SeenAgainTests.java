package be.bolwerk.findings.imports;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.event.FindingReopened;
import be.bolwerk.findings.event.FindingSeenAgain;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.sla.SlaProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A finding named again by an imported file: what follows the file, what people decided and keeps, and the reopening
 * of a finding the scanner still sees although it was resolved or verified.
 */
class SeenAgainTests {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final SlaProfile SLA = new SlaProfile(7, 30, 90, 180, null);
    private static final LocalDate START = LocalDate.of(2026, 12, 2);
    private static final Instant AT = Instant.parse("2026-12-20T10:00:00Z");
    private static final UUID IMPORT = UUID.randomUUID();
    private final Actor iso = new Actor(UUID.randomUUID(), "Ilse Appelmans");

    private Finding imported() {
        Finding f = Finding.raiseRated(
                ORGANISATION,
                new Finding.Origin(be.bolwerk.findings.FindingSource.IMPORT, UUID.randomUUID(), IMPORT),
                new Finding.Details(
                        "SQL injection",
                        "old text",
                        Severity.HIGH,
                        "app.java:10",
                        "",
                        START.plusDays(40),
                        null,
                        "AD01.1",
                        false,
                        "EXT-1"),
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                new BigDecimal("9.8"),
                SLA,
                START,
                iso,
                AT);
        f.assign(UUID.randomUUID(), "Marc", iso, AT);
        return f;
    }

    private static Finding.Details seen(Severity severity) {
        return new Finding.Details(
                "SQL injection in login",
                "new text",
                severity,
                "app.java:12",
                "use prepared statements",
                null,
                null,
                "",
                false,
                "");
    }

    @Test
    void theFileDecidesTheTextPeopleDecideOwnerDueDateAndStatus() {
        Finding f = imported();
        f.confirm(iso, AT);
        LocalDate due = f.dueDate();
        boolean reopened = f.seenAgain(seen(Severity.CRITICAL), null, null, IMPORT, "scan.sarif", iso, AT);

        assertThat(reopened).isFalse();
        assertThat(f.title()).isEqualTo("SQL injection in login");
        assertThat(f.details().description()).isEqualTo("new text");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.details().affectedSystem()).isEqualTo("app.java:12");
        assertThat(f.details().recommendation()).isEqualTo("use prepared statements");
        // What the file leaves empty keeps what the finding had.
        assertThat(f.details().controlRef()).isEqualTo("AD01.1");
        assertThat(f.details().externalId()).isEqualTo("EXT-1");
        assertThat(f.details().plannedOn()).isEqualTo(START.plusDays(40));
        assertThat(f.cvssVector()).startsWith("CVSS:3.1/");
        assertThat(f.cvssScore()).isEqualByComparingTo("9.8");
        // A new severity does not move the due date, nor the owner or the status.
        assertThat(f.dueDate()).isEqualTo(due).isEqualTo(START.plusDays(30));
        assertThat(f.ownerName()).isEqualTo("Marc");
        assertThat(f.status()).isEqualTo(FindingStatus.CONFIRMED);
        assertThat(f.events())
                .last()
                .isEqualTo(new FindingSeenAgain(f.id(), ORGANISATION, f.title(), IMPORT, "scan.sarif", false));
    }

    @Test
    void aNewVectorFromTheFileReplacesTheOld() {
        Finding f = imported();
        f.seenAgain(
                seen(Severity.MEDIUM),
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                new BigDecimal("9.3"),
                IMPORT,
                "scan.csv",
                iso,
                AT);
        assertThat(f.cvssVector()).startsWith("CVSS:4.0/");
        assertThat(f.cvssScore()).isEqualByComparingTo("9.3");
    }

    @Test
    void aResolvedFindingTheScannerStillSeesIsReopenedWithItsDueDate() {
        Finding f = imported();
        f.confirm(iso, AT);
        f.resolve("patched", iso, AT);
        LocalDate due = f.dueDate();
        assertThat(f.seenAgain(seen(Severity.HIGH), null, null, IMPORT, "scan.sarif", iso, AT))
                .isTrue();
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(f.dueDate()).isEqualTo(due);
        assertThat(f.statusReason()).isEqualTo("scan.sarif");
        assertThat(f.events()).last().isEqualTo(new FindingReopened(f.id(), ORGANISATION, f.title(), "scan.sarif"));
    }

    @Test
    void aVerifiedFixIsReopenedToo() {
        Finding f = imported();
        f.confirm(iso, AT);
        f.resolve(null, iso, AT);
        f.retest(
                AT.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                "Audit",
                RetestResult.FIXED,
                null,
                LocalDate.of(2026, 12, 20),
                iso,
                AT);
        assertThat(f.status()).isEqualTo(FindingStatus.FIX_VERIFIED);
        f.seenAgain(seen(Severity.HIGH), null, null, IMPORT, "scan.sarif", iso, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
    }

    @Test
    void aFindingClosedByADecisionStaysClosed() {
        Finding f = imported();
        f.markFalsePositive("test code only", iso, AT);
        assertThat(f.seenAgain(seen(Severity.HIGH), null, null, IMPORT, "scan.sarif", iso, AT))
                .isFalse();
        assertThat(f.status()).isEqualTo(FindingStatus.FALSE_POSITIVE);
        assertThat(f.statusReason()).isEqualTo("test code only");
    }
}
