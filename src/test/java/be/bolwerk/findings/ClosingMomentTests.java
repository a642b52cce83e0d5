package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.sla.SlaProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The closing moment the reports read (ADR 0033): every step that closes a finding (fix verified, duplicate, false
 * positive, out of scope) sets it to that step's moment; every step that leaves a closed status clears it; the other
 * steps, risk acceptance included, never set it.
 */
class ClosingMomentTests {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final SlaProfile SLA = new SlaProfile(7, 30, 90, 180, null);
    private static final LocalDate START = LocalDate.of(2026, 12, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 20);
    private static final Instant RAISED = Instant.parse("2026-12-02T09:00:00Z");
    private static final Instant CLOSED = Instant.parse("2026-12-10T14:30:00Z");
    private static final Instant LATER = Instant.parse("2026-12-15T08:15:00Z");
    private final Actor iso = new Actor(UUID.randomUUID(), "Ilse Appelmans");

    private Finding raised() {
        return Finding.raise(
                ORGANISATION,
                Finding.Origin.manual(),
                new Finding.Details("Open SMB-share", "", Severity.HIGH, "fs01", "", null, null, "", false, ""),
                SLA,
                START,
                iso,
                RAISED);
    }

    private Finding resolved() {
        Finding f = raised();
        f.confirm(iso, RAISED);
        f.resolve(null, iso, RAISED.plusSeconds(60));
        return f;
    }

    @Test
    void theOpenStepsLeaveItEmpty() {
        Finding f = raised();
        assertThat(f.closedAt()).isNull();
        f.confirm(iso, CLOSED);
        f.startWork(iso, CLOSED);
        f.resolve("Gepatcht", iso, CLOSED);
        assertThat(f.closedAt()).as("resolved is still open for the reports").isNull();
        f.retest(TODAY, "Auditor", RetestResult.NOT_FIXED, "Nog open", TODAY, iso, CLOSED);
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(f.closedAt()).isNull();
        f.retest(TODAY, "Auditor", RetestResult.PARTIALLY_FIXED, "Half", TODAY, iso, CLOSED);
        assertThat(f.closedAt()).isNull();
    }

    @Test
    void aVerifiedFixClosesAtTheRetestsMoment() {
        Finding f = resolved();
        f.retest(TODAY, "Auditor", RetestResult.FIXED, null, TODAY, iso, CLOSED);
        assertThat(f.status()).isEqualTo(FindingStatus.FIX_VERIFIED);
        assertThat(f.closedAt()).isEqualTo(CLOSED);
    }

    @Test
    void eachClosingDecisionClosesAtItsMoment() {
        Finding duplicate = raised();
        duplicate.markDuplicateOf(raised(), iso, CLOSED);
        Finding falsePositive = raised();
        falsePositive.markFalsePositive("Klopt niet", iso, CLOSED);
        Finding outOfScope = raised();
        outOfScope.confirm(iso, RAISED);
        outOfScope.markOutOfScope("Van de leverancier", iso, CLOSED);

        assertThat(duplicate.closedAt()).isEqualTo(CLOSED);
        assertThat(falsePositive.closedAt()).isEqualTo(CLOSED);
        assertThat(outOfScope.closedAt()).isEqualTo(CLOSED);
    }

    @Test
    void reopeningClearsItAndTheNextClosingTakesTheNewMoment() {
        Finding f = raised();
        f.markFalsePositive("Klopt niet", iso, CLOSED);
        f.reopen("Toch wel", iso, LATER);
        assertThat(f.closedAt()).isNull();
        f.markOutOfScope("Van de leverancier", iso, LATER.plus(Duration.ofDays(1)));
        assertThat(f.closedAt()).isEqualTo(LATER.plus(Duration.ofDays(1)));

        Finding fixed = resolved();
        fixed.retest(TODAY, "Auditor", RetestResult.FIXED, null, TODAY, iso, CLOSED);
        fixed.reopen("Scanner ziet het nog", iso, LATER);
        assertThat(fixed.closedAt()).isNull();
    }

    @Test
    void aScannerThatSeesAVerifiedFixAgainReopensIt() {
        Finding f = resolved();
        f.retest(TODAY, "Auditor", RetestResult.FIXED, null, TODAY, iso, CLOSED);
        assertThat(f.seenAgain(f.details(), null, null, UUID.randomUUID(), "scan.csv", iso, LATER))
                .isTrue();
        assertThat(f.closedAt()).isNull();
    }

    @Test
    void aDecisionSeenAgainStaysClosedAtItsOwnMoment() {
        Finding f = raised();
        f.markFalsePositive("Klopt niet", iso, CLOSED);
        assertThat(f.seenAgain(f.details(), null, null, UUID.randomUUID(), "scan.csv", iso, LATER))
                .isFalse();
        assertThat(f.closedAt()).isEqualTo(CLOSED);
    }

    @Test
    void aRiskAcceptanceIsNotAClosing() {
        Finding f = raised();
        f.acceptRisk(new RiskAcceptanceId(UUID.randomUUID()), "Oud systeem", iso, CLOSED);
        assertThat(f.closedAt()).isNull();
        f.endRiskAcceptance("Oud systeem", TODAY, SLA, iso, LATER);
        assertThat(f.closedAt()).isNull();
    }
}
