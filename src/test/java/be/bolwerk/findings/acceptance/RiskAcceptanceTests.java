package be.bolwerk.findings.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.event.FindingChanged;
import be.bolwerk.findings.event.FindingReopened;
import be.bolwerk.findings.event.FindingRiskAccepted;
import be.bolwerk.findings.event.group.RiskAcceptanceEvent;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every step of a risk acceptance and its refusals: four eyes, the maximum duration per severity (dates worked out
 * by hand), findings in the wrong state or of another organisation; and the finding's side: risk accepted, frozen
 * against the other transitions, reopened at the end with a new SLA counted from the end day.
 */
class RiskAcceptanceTests {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final MaximumDuration MAXIMUM = MaximumDuration.DEFAULT; // 3/6/12/12/12 months
    private static final SlaProfile SLA = new SlaProfile(7, 30, 90, 180, null);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    private final Actor marc = new Actor(UUID.randomUUID(), "Marc Kerkhofs");
    private final Actor ilse = new Actor(UUID.randomUUID(), "Ilse Appelmans");

    private static RiskAcceptance.Covered open(Severity severity) {
        return new RiskAcceptance.Covered(
                new FindingId(UUID.randomUUID()), ORGANISATION, "Oude pc", severity, FindingStatus.CONFIRMED);
    }

    private RiskAcceptance proposed(LocalDate expiresOn, RiskAcceptance.Covered... covered) {
        return RiskAcceptance.propose(ORGANISATION, terms(expiresOn), List.of(covered), null, MAXIMUM, TODAY, marc, AT);
    }

    private RiskAcceptance.Terms terms(LocalDate expiresOn) {
        return new RiskAcceptance.Terms(
                "Weegbrug-pc",
                RiskDecision.MITIGATE,
                "Apart netwerk",
                "Collegebesluit 2026/142",
                ilse.id(),
                ilse.name(),
                expiresOn);
    }

    @Test
    void aProposalRaisesItsEventAndWaitsForADecision() {
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), open(Severity.HIGH));
        assertThat(a.status()).isEqualTo(AcceptanceStatus.PROPOSED);
        assertThat(a.mayDecide()).isTrue();
        assertThat(a.events()).singleElement().isInstanceOfSatisfying(RiskAcceptanceEvent.Proposed.class, e -> {
            assertThat(e.findings()).isEqualTo(1);
            assertThat(e.decision()).isEqualTo(RiskDecision.MITIGATE);
        });
    }

    @Test
    void theExpiryMayNotLieBeyondTheMaximumOfTheMostSevereFinding() {
        // Critical: 3 months from 2 December 2026 is 2 March 2027; high: 6 months is 2 June 2027.
        proposed(LocalDate.of(2027, 3, 2), open(Severity.CRITICAL), open(Severity.LOW));
        refused(
                () -> proposed(LocalDate.of(2027, 3, 3), open(Severity.CRITICAL), open(Severity.LOW)),
                RiskAcceptance.EXPIRY_TOO_LATE);
        assertThatThrownBy(() -> proposed(LocalDate.of(2027, 3, 3), open(Severity.LOW), open(Severity.CRITICAL)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.arguments()).containsExactly("02-03-2027", 3));
        proposed(LocalDate.of(2027, 6, 2), open(Severity.HIGH));
        refused(() -> proposed(LocalDate.of(2027, 6, 3), open(Severity.HIGH)), RiskAcceptance.EXPIRY_TOO_LATE);
        proposed(LocalDate.of(2027, 12, 2), open(Severity.INFORMATIONAL));
        refused(() -> proposed(LocalDate.of(2027, 12, 3), open(Severity.MEDIUM)), RiskAcceptance.EXPIRY_TOO_LATE);
    }

    @Test
    void theExpiryMustLieAfterToday() {
        refused(() -> proposed(TODAY, open(Severity.LOW)), RiskAcceptance.EXPIRY_PAST);
        refused(() -> proposed(TODAY.minusDays(1), open(Severity.LOW)), RiskAcceptance.EXPIRY_PAST);
    }

    @Test
    void onlyOpenFindingsOfTheSameOrganisationAreCovered() {
        refused(() -> proposed(LocalDate.of(2027, 1, 1)), RiskAcceptance.NO_FINDINGS);
        for (FindingStatus closed : List.of(
                FindingStatus.RESOLVED,
                FindingStatus.FIX_VERIFIED,
                FindingStatus.FALSE_POSITIVE,
                FindingStatus.OUT_OF_SCOPE,
                FindingStatus.DUPLICATE,
                FindingStatus.RISK_ACCEPTED)) {
            RiskAcceptance.Covered finding = new RiskAcceptance.Covered(
                    new FindingId(UUID.randomUUID()), ORGANISATION, "Dicht", Severity.LOW, closed);
            refused(() -> proposed(LocalDate.of(2027, 1, 1), finding), RiskAcceptance.FINDING_NOT_OPEN);
        }
        RiskAcceptance.Covered elsewhere = new RiskAcceptance.Covered(
                new FindingId(UUID.randomUUID()), UUID.randomUUID(), "Van Munthove", Severity.LOW, FindingStatus.NEW);
        assertThatThrownBy(() -> proposed(LocalDate.of(2027, 1, 1), elsewhere))
                .isInstanceOf(RiskAcceptanceNotFound.class);
    }

    @Test
    void fourEyesTheProposerNeverApprovesOrRejects() {
        RiskAcceptance.Covered finding = open(Severity.HIGH);
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), finding);
        refused(() -> a.approve(List.of(finding), MAXIMUM, TODAY, marc, AT), RiskAcceptance.FOUR_EYES);
        refused(() -> a.reject("Toch niet", marc, AT), RiskAcceptance.FOUR_EYES);
        assertThat(a.status()).isEqualTo(AcceptanceStatus.PROPOSED);
    }

    @Test
    void approvalBySomeoneElseActivatesIt() {
        RiskAcceptance.Covered finding = open(Severity.HIGH);
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), finding);
        a.approve(List.of(finding), MAXIMUM, TODAY.plusDays(3), ilse, AT);
        assertThat(a.status()).isEqualTo(AcceptanceStatus.ACTIVE);
        assertThat(a.decidedBy()).isEqualTo(ilse.id());
        assertThat(a.events())
                .extracting(e -> (Class) e.getClass())
                .containsExactly(
                        RiskAcceptanceEvent.Proposed.class,
                        RiskAcceptanceEvent.Approved.class,
                        RiskAcceptanceEvent.Activated.class);
        refused(() -> a.approve(List.of(finding), MAXIMUM, TODAY, ilse, AT), RiskAcceptance.RULE_STATE);
        refused(() -> a.reject("Laat", ilse, AT), RiskAcceptance.RULE_STATE);
    }

    @Test
    void approvalChecksTheFindingsAndTheMaximumAgainOnItsOwnDay() {
        RiskAcceptance.Covered finding = open(Severity.CRITICAL);
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 2), finding);
        RiskAcceptance.Covered resolved = new RiskAcceptance.Covered(
                finding.id(), ORGANISATION, finding.title(), Severity.CRITICAL, FindingStatus.RESOLVED);
        refused(() -> a.approve(List.of(resolved), MAXIMUM, TODAY, ilse, AT), RiskAcceptance.FINDING_NOT_OPEN);
        // Approved on 3 March 2027 the expiry of 2 March has passed.
        refused(
                () -> a.approve(List.of(finding), MAXIMUM, LocalDate.of(2027, 3, 2), ilse, AT),
                RiskAcceptance.EXPIRY_PAST);
        // A programme that shortened critical to 1 month: from 2 December the latest is 2 January.
        refused(
                () -> a.approve(List.of(finding), new MaximumDuration(1, 6, 12, 12, 12), TODAY, ilse, AT),
                RiskAcceptance.EXPIRY_TOO_LATE);
        assertThat(a.status()).isEqualTo(AcceptanceStatus.PROPOSED);
    }

    @Test
    void aRejectionNeedsAReason() {
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), open(Severity.HIGH));
        refused(() -> a.reject(" ", ilse, AT), RiskAcceptance.REASON_REQUIRED);
        a.reject("Eerst de leverancier bellen", ilse, AT);
        assertThat(a.status()).isEqualTo(AcceptanceStatus.REJECTED);
        assertThat(a.statusReason()).isEqualTo("Eerst de leverancier bellen");
        assertThat(a.events()).last().isInstanceOf(RiskAcceptanceEvent.Rejected.class);
        refused(() -> a.revoke("x", TODAY, ilse, AT), RiskAcceptance.RULE_STATE);
    }

    @Test
    void anActiveAcceptanceExpiresOnItsExpiryDateAndNotBefore() {
        RiskAcceptance.Covered finding = open(Severity.HIGH);
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), finding);
        a.approve(List.of(finding), MAXIMUM, TODAY, ilse, AT);
        refused(() -> a.expire(LocalDate.of(2027, 2, 28), ilse, AT), RiskAcceptance.RULE_STATE);
        a.expire(LocalDate.of(2027, 3, 5), ilse, AT);
        assertThat(a.status()).isEqualTo(AcceptanceStatus.EXPIRED);
        assertThat(a.endedOn())
                .as("ends on its expiry date, however late the job")
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(a.events()).last().isInstanceOf(RiskAcceptanceEvent.Expired.class);
        refused(() -> a.expire(LocalDate.of(2027, 3, 6), ilse, AT), RiskAcceptance.RULE_STATE);
        refused(() -> a.revoke("x", TODAY, ilse, AT), RiskAcceptance.RULE_STATE);
    }

    @Test
    void aRevocationEndsItTodayWithItsReason() {
        RiskAcceptance.Covered finding = open(Severity.HIGH);
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), finding);
        refused(() -> a.revoke("Te vroeg", TODAY, ilse, AT), RiskAcceptance.RULE_STATE);
        a.approve(List.of(finding), MAXIMUM, TODAY, ilse, AT);
        refused(() -> a.revoke("", TODAY, ilse, AT), RiskAcceptance.REASON_REQUIRED);
        a.revoke("De leverancier heeft toch een update", LocalDate.of(2027, 1, 15), marc, AT);
        assertThat(a.status()).isEqualTo(AcceptanceStatus.REVOKED);
        assertThat(a.endedOn()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(a.events()).last().isInstanceOf(RiskAcceptanceEvent.Revoked.class);
    }

    @Test
    void theOwnerIsWarnedFromThirtyDaysBeforeTheExpiry() {
        RiskAcceptance a = proposed(LocalDate.of(2027, 3, 1), open(Severity.HIGH));
        assertThat(a.warnFrom()).isEqualTo(LocalDate.of(2027, 1, 30));
    }

    @Test
    void aRiskAcceptedFindingIsFrozenUntilTheAcceptanceEnds() {
        Finding f = finding(Severity.HIGH);
        f.confirm(ilse, AT);
        f.acceptRisk(new be.bolwerk.findings.RiskAcceptanceId(UUID.randomUUID()), "Weegbrug-pc", ilse, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.RISK_ACCEPTED);
        assertThat(f.statusReason()).isEqualTo("Weegbrug-pc");
        assertThat(f.events()).last().isInstanceOf(FindingRiskAccepted.class);
        refusedAsState(() -> f.resolve(null, ilse, AT));
        refusedAsState(() -> f.startWork(ilse, AT));
        refusedAsState(() -> f.markFalsePositive("x", ilse, AT));
        refusedAsState(() -> f.markOutOfScope("x", ilse, AT));
        refusedAsState(() -> f.reopen("x", ilse, AT));
        refusedAsState(() -> f.retest(TODAY, "Auditor", be.bolwerk.findings.RetestResult.FIXED, null, TODAY, ilse, AT));
        refusedAsState(() -> f.restartSla(TODAY, SLA, ilse, AT));
        refusedAsState(() -> f.acceptRisk(new be.bolwerk.findings.RiskAcceptanceId(UUID.randomUUID()), "x", ilse, AT));
        assertThat(f.status()).isEqualTo(FindingStatus.RISK_ACCEPTED);
    }

    @Test
    void theEndOfAnAcceptanceReopensTheFindingWithItsSlaRestartedOnThatDay() {
        // Raised on 2 December 2026 with high severity: due 1 January 2027 (30 days).
        Finding f = finding(Severity.HIGH);
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        refusedAsState(() -> f.endRiskAcceptance("x", TODAY, SLA, ilse, AT));
        f.acceptRisk(new be.bolwerk.findings.RiskAcceptanceId(UUID.randomUUID()), "Weegbrug-pc", ilse, AT);
        // Ended on 1 March 2027: the SLA starts that day, 30 days later is 31 March 2027.
        f.endRiskAcceptance("Weegbrug-pc", LocalDate.of(2027, 3, 1), SLA, ilse, AT);
        assertThat(f.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(f.slaStart()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(f.dueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(f.events())
                .extracting(e -> (Class) e.getClass())
                .endsWith(FindingReopened.class, FindingChanged.class);
        // A known-exploited medium finding takes the critical 7 days: 1 March → 8 March.
        Finding exploited = Finding.raise(
                ORGANISATION,
                Finding.Origin.manual(),
                new Finding.Details("VPN", "", Severity.MEDIUM, "", "", null, null, "", true, ""),
                SLA,
                TODAY,
                ilse,
                AT);
        exploited.acceptRisk(new be.bolwerk.findings.RiskAcceptanceId(UUID.randomUUID()), "VPN", ilse, AT);
        exploited.endRiskAcceptance("VPN", LocalDate.of(2027, 3, 1), SLA, ilse, AT);
        assertThat(exploited.dueDate()).isEqualTo(LocalDate.of(2027, 3, 8));
        exploited.startWork(ilse, AT);
        assertThat(exploited.status()).isEqualTo(FindingStatus.IN_PROGRESS);
    }

    private Finding finding(Severity severity) {
        return Finding.raise(
                ORGANISATION,
                Finding.Origin.manual(),
                new Finding.Details("Weegbrug-pc", "", severity, "", "", null, null, "", false, ""),
                SLA,
                TODAY,
                ilse,
                AT);
    }

    private static void refused(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }

    private static void refusedAsState(ThrowingCallable call) {
        refused(call, "finding.rule.state");
    }
}
