package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.findings.event.FindingConfirmed;
import be.bolwerk.findings.event.FindingFixVerified;
import be.bolwerk.findings.event.FindingMarkedDuplicate;
import be.bolwerk.findings.event.FindingMarkedFalsePositive;
import be.bolwerk.findings.event.FindingMarkedOutOfScope;
import be.bolwerk.findings.event.FindingOwnerAssigned;
import be.bolwerk.findings.event.FindingRaised;
import be.bolwerk.findings.event.FindingReopened;
import be.bolwerk.findings.event.FindingResolved;
import be.bolwerk.findings.event.FindingRetested;
import be.bolwerk.findings.event.FindingWorkStarted;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingNotFound;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every transition of a finding: what it allows, what it refuses, the event it raises, and the due date it keeps. */
class FindingTests {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final SlaProfile SLA = new SlaProfile(7, 30, 90, 180, null);
    private static final LocalDate START = LocalDate.of(2026, 12, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 20);
    private static final Instant AT = Instant.parse("2026-12-20T10:00:00Z");
    private final Actor iso = new Actor(UUID.randomUUID(), "Ilse Appelmans");

    private Finding raised(Severity severity) {
        return Finding.raise(
                ORGANISATION,
                Finding.Origin.manual(),
                new Finding.Details("Open SMB-share", "", severity, "fs01", "", null, null, "", false, ""),
                SLA,
                START,
                iso,
                AT);
    }

    private Finding inState(FindingStatus status) {
        Finding f = raised(Severity.HIGH);
        switch (status) {
            case NEW -> {}
            case CONFIRMED -> f.confirm(iso, AT);
            case IN_PROGRESS -> {
                f.confirm(iso, AT);
                f.startWork(iso, AT);
            }
            case RESOLVED -> {
                f.confirm(iso, AT);
                f.resolve(null, iso, AT);
            }
            case FIX_VERIFIED -> {
                f.confirm(iso, AT);
                f.resolve(null, iso, AT);
                f.retest(TODAY, "Auditor", RetestResult.FIXED, null, TODAY, iso, AT);
            }
            case REOPENED -> {
                f.confirm(iso, AT);
                f.resolve(null, iso, AT);
                f.reopen("Nog niet in orde", iso, AT);
            }
            case FALSE_POSITIVE -> f.markFalsePositive("Klopt niet", iso, AT);
            case OUT_OF_SCOPE -> f.markOutOfScope("Van de leverancier", iso, AT);
            case DUPLICATE -> f.markDuplicateOf(raised(Severity.LOW), iso, AT);
            default -> throw new IllegalArgumentException(status.name());
        }
        assertThat(f.status()).isEqualTo(status);
        return f;
    }

    @Test
    void aNewFindingIsRaisedWithTheDueDateOfItsSeverity() {
        Finding f = raised(Severity.HIGH);
        assertThat(f.status()).isEqualTo(FindingStatus.NEW);
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(f.events()).singleElement().isInstanceOfSatisfying(FindingRaised.class, e -> {
            assertThat(e.source()).isEqualTo(FindingSource.MANUAL);
            assertThat(e.dueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        });
    }

    @Test
    void theWorkRunsFromNewToFixVerified() {
        Finding f = raised(Severity.CRITICAL);
        f.confirm(iso, AT);
        f.startWork(iso, AT);
        f.resolve("Gepatcht", iso, AT);
        f.retest(TODAY, "Auditkantoor", RetestResult.FIXED, null, TODAY, iso, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.FIX_VERIFIED);
        assertThat(f.events())
                .extracting(e -> (Class) e.getClass())
                .containsExactly(
                        FindingRaised.class,
                        FindingConfirmed.class,
                        FindingWorkStarted.class,
                        FindingResolved.class,
                        FindingRetested.class,
                        FindingFixVerified.class);
    }

    @Test
    void aNewFindingMustBeConfirmedBeforeWorkOrResolution() {
        refusedAsState(() -> raised(Severity.LOW).startWork(iso, AT));
        refusedAsState(() -> raised(Severity.LOW).resolve(null, iso, AT));
        refusedAsState(() -> inState(FindingStatus.CONFIRMED).confirm(iso, AT));
        refusedAsState(() -> inState(FindingStatus.IN_PROGRESS).startWork(iso, AT));
        refusedAsState(() -> inState(FindingStatus.RESOLVED).resolve(null, iso, AT));
    }

    @Test
    void aFailedRetestReopensAndKeepsTheOriginalDueDate() {
        Finding f = inState(FindingStatus.RESOLVED);
        LocalDate due = f.dueDate();
        f.retest(TODAY, "Auditkantoor", RetestResult.NOT_FIXED, "Poort 445 staat nog open", TODAY, iso, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(f.dueDate()).isEqualTo(due);
        assertThat(f.statusReason()).isEqualTo("Poort 445 staat nog open");
        assertThat(f.events()).last().isInstanceOf(FindingReopened.class);
        f.startWork(iso, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.IN_PROGRESS);
    }

    @Test
    void aPartialFixKeepsTheFindingOpenWithItsNote() {
        Finding f = inState(FindingStatus.RESOLVED);
        f.retest(TODAY, "Auditkantoor", RetestResult.PARTIALLY_FIXED, "Twee van drie servers", TODAY, iso, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.IN_PROGRESS);
        assertThat(f.status().isOpen()).isTrue();
        assertThat(f.statusReason()).isEqualTo("Twee van drie servers");
        assertThat(f.events())
                .last()
                .isInstanceOfSatisfying(
                        FindingRetested.class, e -> assertThat(e.result()).isEqualTo(RetestResult.PARTIALLY_FIXED));
    }

    @Test
    void aRetestThatIsNotAFullFixNeedsANoteATesterAndAPastDate() {
        refused(
                () -> inState(FindingStatus.RESOLVED)
                        .retest(TODAY, "Auditor", RetestResult.PARTIALLY_FIXED, " ", TODAY, iso, AT),
                "finding.rule.noteRequired");
        refused(
                () -> inState(FindingStatus.RESOLVED).retest(TODAY, " ", RetestResult.FIXED, null, TODAY, iso, AT),
                "finding.rule.testerRequired");
        refused(
                () -> inState(FindingStatus.RESOLVED)
                        .retest(TODAY.plusDays(1), "Auditor", RetestResult.FIXED, null, TODAY, iso, AT),
                "finding.rule.retestFuture");
        refusedAsState(() -> raised(Severity.LOW).retest(TODAY, "Auditor", RetestResult.FIXED, null, TODAY, iso, AT));
        refusedAsState(() ->
                inState(FindingStatus.FIX_VERIFIED).retest(TODAY, "Auditor", RetestResult.FIXED, null, TODAY, iso, AT));
    }

    @Test
    void reopeningNeedsAReasonAndKeepsTheDueDate() {
        Finding f = inState(FindingStatus.FIX_VERIFIED);
        LocalDate due = f.dueDate();
        refused(() -> f.reopen("  ", iso, AT), "finding.rule.reasonRequired");
        f.reopen("Het probleem is terug", iso, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(f.dueDate()).isEqualTo(due);
        refusedAsState(() -> inState(FindingStatus.IN_PROGRESS).reopen("waarom", iso, AT));
    }

    @Test
    void closingAsFalsePositiveOrOutOfScopeNeedsAReason() {
        refused(() -> raised(Severity.LOW).markFalsePositive("", iso, AT), "finding.rule.reasonRequired");
        refused(() -> raised(Severity.LOW).markOutOfScope(null, iso, AT), "finding.rule.reasonRequired");
        Finding fp = inState(FindingStatus.FALSE_POSITIVE);
        assertThat(fp.statusReason()).isEqualTo("Klopt niet");
        assertThat(fp.events()).last().isInstanceOf(FindingMarkedFalsePositive.class);
        Finding oos = inState(FindingStatus.OUT_OF_SCOPE);
        assertThat(oos.events()).last().isInstanceOf(FindingMarkedOutOfScope.class);
        refusedAsState(() -> inState(FindingStatus.RESOLVED).markFalsePositive("te laat", iso, AT));
        refusedAsState(() -> inState(FindingStatus.OUT_OF_SCOPE).markFalsePositive("nog eens", iso, AT));
    }

    @Test
    void aDuplicateNamesAnotherFindingOfTheSameOrganisation() {
        Finding original = raised(Severity.HIGH);
        Finding copy = raised(Severity.HIGH);
        copy.markDuplicateOf(original, iso, AT);
        assertThat(copy.status()).isEqualTo(FindingStatus.DUPLICATE);
        assertThat(copy.duplicateOf()).isEqualTo(original.id());
        assertThat(copy.events())
                .last()
                .isInstanceOfSatisfying(
                        FindingMarkedDuplicate.class,
                        e -> assertThat(e.duplicateOf()).isEqualTo(original.id()));

        Finding self = raised(Severity.HIGH);
        refused(() -> self.markDuplicateOf(self, iso, AT), "finding.rule.duplicateSelf");
        refused(() -> raised(Severity.HIGH).markDuplicateOf(copy, iso, AT), "finding.rule.duplicateChain");
        Finding elsewhere = Finding.raise(
                UUID.randomUUID(),
                Finding.Origin.manual(),
                new Finding.Details("Elders", "", Severity.LOW, "", "", null, null, "", false, ""),
                SLA,
                START,
                iso,
                AT);
        assertThatThrownBy(() -> raised(Severity.HIGH).markDuplicateOf(elsewhere, iso, AT))
                .isInstanceOf(FindingNotFound.class);
    }

    @Test
    void reopeningADuplicateForgetsTheOriginal() {
        Finding f = inState(FindingStatus.DUPLICATE);
        f.reopen("Toch een ander probleem", iso, AT);
        assertThat(f.duplicateOf()).isNull();
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
    }

    @Test
    void anOwnerIsAssignedOnceAndNamedInTheEvent() {
        Finding f = raised(Severity.MEDIUM);
        UUID owner = UUID.randomUUID();
        f.assign(owner, "Marc Medewerker", iso, AT);
        assertThat(f.ownerId()).isEqualTo(owner);
        assertThat(f.events())
                .last()
                .isInstanceOfSatisfying(
                        FindingOwnerAssigned.class,
                        e -> assertThat(e.ownerName()).isEqualTo("Marc Medewerker"));
        refused(() -> f.assign(owner, "Marc Medewerker", iso, AT), "finding.rule.sameOwner");
    }

    @Test
    void aNewSeverityOrKnownExploitedMarkGivesANewDueDateFromTheSameStart() {
        Finding f = raised(Severity.LOW);
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2027, 5, 31));
        f.change(
                new Finding.Details("Open SMB-share", "", Severity.LOW, "fs01", "", null, null, "", true, ""),
                SLA,
                iso,
                AT);
        // Known exploited: the critical 7 days from 2 December.
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2026, 12, 9));
        f.change(
                new Finding.Details("Open SMB-share", "", Severity.MEDIUM, "fs01", "", null, null, "", false, ""),
                SLA,
                iso,
                AT);
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2027, 3, 2));
    }

    @Test
    void overdueMeansOpenAndPastTheDueDate() {
        Finding f = raised(Severity.CRITICAL);
        assertThat(f.overdueOn(LocalDate.of(2026, 12, 9))).isFalse();
        assertThat(f.overdueOn(LocalDate.of(2026, 12, 10))).isTrue();
        f.confirm(iso, AT);
        f.resolve(null, iso, AT);
        assertThat(f.overdueOn(LocalDate.of(2026, 12, 10))).as("resolved").isFalse();
    }

    @Test
    void riskAcceptedIsReservedButReachedByNoTransitionHere() {
        assertThat(FindingStatus.RISK_ACCEPTED.isOpen()).isFalse();
        assertThat(FindingStatus.OPEN).doesNotContain(FindingStatus.RISK_ACCEPTED);
    }

    @Test
    void theAuditReportRestartsTheDeadlineOfAnOpenFinding() {
        Finding f = raised(Severity.HIGH);
        f.restartSla(LocalDate.of(2026, 12, 10), SLA, iso, AT);
        assertThat(f.slaStart()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2027, 1, 9));
        refusedAsState(() -> inState(FindingStatus.RESOLVED).restartSla(TODAY, SLA, iso, AT));
    }

    @Test
    void aTitleIsRequired() {
        refused(
                () -> new Finding.Details(" ", "", Severity.LOW, "", "", null, null, "", false, ""),
                "finding.rule.titleRequired");
    }

    private static void refusedAsState(ThrowingCallable call) {
        refused(call, "finding.rule.state");
    }

    private static void refused(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }
}
