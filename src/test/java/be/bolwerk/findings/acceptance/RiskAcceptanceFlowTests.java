package be.bolwerk.findings.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.campaign.MovableClock;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingNotFound;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.findings.register.Step;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A risk acceptance through its use cases and stores, on the demo register of Appelkerke with its real people (so
 * the mails reach the outbox): proposed by the colleague, approved by the admin (four eyes, also against a replayed
 * request of the proposer), warned 30 days ahead and expired by the daily job with a movable clock (run twice: one
 * mail, one reopening, the SLA restarted on the expiry day), revoked, and refused across organisations. Runs on
 * PostgreSQL too, with the conditional write of the store.
 */
@SpringBootTest
@Import(MovableClock.Configuration.class)
class RiskAcceptanceFlowTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final Accepting accepting;
    private final Expiring expiring;
    private final RiskAcceptanceStore store;
    private final FindingStore findings;
    private final Raising raising;
    private final SlaProfiles sla;
    private final JdbcClient jdbc;
    private final MovableClock clock;
    private final String title = "Flowtest " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser marc;
    private CurrentUser viewer;

    RiskAcceptanceFlowTests(
            @Autowired Accepting accepting,
            @Autowired Expiring expiring,
            @Autowired RiskAcceptanceStore store,
            @Autowired FindingStore findings,
            @Autowired Raising raising,
            @Autowired SlaProfiles sla,
            @Autowired JdbcClient jdbc,
            @Autowired MovableClock clock) {
        this.accepting = accepting;
        this.expiring = expiring;
        this.store = store;
        this.findings = findings;
        this.raising = raising;
        this.sla = sla;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeEach
    void people() {
        iso = account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        marc = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        viewer = account("lezer@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.VIEWER));
    }

    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("DELETE FROM risk_acceptance WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        jdbc.sql("DELETE FROM finding WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void proposedApprovedWarnedOnceExpiredOnceAndReopenedWithANewDueDate() {
        FindingId finding = finding(" pc", Severity.HIGH);
        LocalDate today = BelgianTime.today(clock);
        LocalDate expiry = today.plusDays(20);
        RiskAcceptanceId id = accepting.propose(proposal(expiry, finding), null, marc);
        assertThat(mails("iso@appelkerke.invalid", "Risicoaanvaarding goed te keuren: " + title))
                .as("the admin is asked to approve")
                .isEqualTo(1);
        assertThat(mails("medewerker@appelkerke.invalid", "Risicoaanvaarding goed te keuren: " + title))
                .as("the proposer is not asked")
                .isZero();

        accepting.approve(id, iso);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(AcceptanceStatus.ACTIVE);
        Finding accepted = findings.find(finding).orElseThrow();
        assertThat(accepted.status()).isEqualTo(FindingStatus.RISK_ACCEPTED);
        assertThat(findings.history(finding)).extracting(Step::kind).contains(Step.Kind.RISK_ACCEPTED);
        assertThat(mails("medewerker@appelkerke.invalid", "Beslissing over de risicoaanvaarding: " + title))
                .isEqualTo(1);

        // 20 days before the expiry: inside the 30 days, the owner is warned, once however often the job runs.
        expiring.run();
        expiring.run();
        assertThat(mails("iso@appelkerke.invalid", "Risicoaanvaarding vervalt binnenkort: " + title))
                .isEqualTo(1);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(AcceptanceStatus.ACTIVE);

        clock.advance(Duration.ofDays(21));
        expiring.run();
        expiring.run();
        RiskAcceptance expired = store.find(id).orElseThrow();
        assertThat(expired.status()).isEqualTo(AcceptanceStatus.EXPIRED);
        assertThat(expired.endedOn()).isEqualTo(expiry);
        Finding reopened = findings.find(finding).orElseThrow();
        assertThat(reopened.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(reopened.slaStart()).as("the SLA restarts on the expiry day").isEqualTo(expiry);
        Integer days = sla.effective(APPELKERKE).daysFor(Severity.HIGH);
        assertThat(reopened.dueDate()).isEqualTo(expiry.plusDays(days));
        assertThat(findings.history(finding))
                .extracting(Step::kind)
                .filteredOn(k -> k == Step.Kind.RISK_ACCEPTANCE_ENDED)
                .as("one reopening, however often the job runs")
                .hasSize(1);
        assertThat(store.history(id))
                .extracting(AcceptanceStep::kind)
                .containsExactly(
                        AcceptanceStep.Kind.PROPOSED,
                        AcceptanceStep.Kind.APPROVED,
                        AcceptanceStep.Kind.ACTIVATED,
                        AcceptanceStep.Kind.EXPIRED);
        assertThat(mails("iso@appelkerke.invalid", "Risicoaanvaarding vervalt binnenkort: " + title))
                .isEqualTo(1);
    }

    @Test
    void theProposerCannotApproveNotEvenAsAnAdminWithAReplayedRequest() {
        FindingId finding = finding(" server", Severity.MEDIUM);
        RiskAcceptanceId id =
                accepting.propose(proposal(BelgianTime.today(clock).plusMonths(2), finding), null, iso);
        refused(() -> accepting.approve(id, iso), RiskAcceptance.FOUR_EYES);
        refused(() -> accepting.approve(id, iso), RiskAcceptance.FOUR_EYES);
        refused(() -> accepting.reject(id, "Toch niet", iso), RiskAcceptance.FOUR_EYES);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(AcceptanceStatus.PROPOSED);
        assertThat(findings.find(finding).orElseThrow().status()).isEqualTo(FindingStatus.NEW);
        assertThatThrownBy(() -> accepting.approve(id, marc))
                .as("a member is no admin")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRejectionLeavesTheFindingsAndFreesThemForAnotherProposal() {
        FindingId finding = finding(" printer", Severity.LOW);
        LocalDate expiry = BelgianTime.today(clock).plusMonths(2);
        RiskAcceptanceId id = accepting.propose(proposal(expiry, finding), null, marc);
        refused(() -> accepting.propose(proposal(expiry, finding), null, marc), Accepting.ALREADY_HELD);
        accepting.reject(id, "Eerst een offerte vragen", iso);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(AcceptanceStatus.REJECTED);
        assertThat(findings.find(finding).orElseThrow().status()).isEqualTo(FindingStatus.NEW);
        assertThat(mails("medewerker@appelkerke.invalid", "Beslissing over de risicoaanvaarding: " + title))
                .isEqualTo(1);
        accepting.propose(proposal(expiry, finding), null, marc);
    }

    @Test
    void aRevocationReopensTheFindingsAtOnceWithTheSlaFromToday() {
        FindingId finding = finding(" nas", Severity.CRITICAL);
        LocalDate today = BelgianTime.today(clock);
        RiskAcceptanceId id = accepting.propose(proposal(today.plusMonths(3), finding), null, marc);
        accepting.approve(id, iso);
        refused(() -> accepting.revoke(id, " ", iso), RiskAcceptance.REASON_REQUIRED);
        assertThatThrownBy(() -> accepting.revoke(id, "Nee", marc)).isInstanceOf(AccessDeniedException.class);
        accepting.revoke(id, "De update is er", iso);
        Finding reopened = findings.find(finding).orElseThrow();
        assertThat(reopened.status()).isEqualTo(FindingStatus.REOPENED);
        assertThat(reopened.slaStart()).isEqualTo(today);
        assertThat(reopened.dueDate())
                .isEqualTo(today.plusDays(sla.effective(APPELKERKE).daysFor(Severity.CRITICAL)));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(AcceptanceStatus.REVOKED);
    }

    @Test
    void viewersAndOtherOrganisationsAreRefused() {
        FindingId finding = finding(" kast", Severity.LOW);
        LocalDate expiry = BelgianTime.today(clock).plusMonths(2);
        assertThatThrownBy(() -> accepting.propose(proposal(expiry, finding), null, viewer))
                .isInstanceOf(AccessDeniedException.class);
        CurrentUser stranger = account("iso@munthove.invalid", Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        assertThatThrownBy(() -> accepting.propose(proposal(expiry, finding), null, stranger))
                .as("a proposal for an organisation that is not theirs")
                .isInstanceOf(RiskAcceptanceNotFound.class);
        RiskAcceptanceId id = accepting.propose(proposal(expiry, finding), null, marc);
        assertThatThrownBy(() -> accepting.approve(id, stranger)).isInstanceOf(RiskAcceptanceNotFound.class);
        assertThatThrownBy(() -> accepting.load(id, stranger)).isInstanceOf(RiskAcceptanceNotFound.class);
        UUID munthoveFinding = jdbc.sql("SELECT id FROM finding WHERE organisation_id = :org LIMIT 1")
                .param("org", MUNTHOVE)
                .query(UUID.class)
                .single();
        assertThatThrownBy(() -> accepting.propose(
                        proposal(expiry, finding(" bureau", Severity.LOW), new FindingId(munthoveFinding)), null, marc))
                .as("a finding of another organisation is not found")
                .isInstanceOf(FindingNotFound.class);
    }

    @Test
    void theSecondOfTwoConcurrentDecisionsIsRefusedByTheStore() {
        FindingId finding = finding(" switch", Severity.LOW);
        RiskAcceptanceId id =
                accepting.propose(proposal(BelgianTime.today(clock).plusMonths(2), finding), null, marc);
        RiskAcceptance first = store.find(id).orElseThrow();
        RiskAcceptance second = store.find(id).orElseThrow();
        first.reject("Eerst", new be.bolwerk.findings.register.Actor(iso.id(), iso.displayName()), clock.instant());
        store.update(first);
        second.reject("Tweede", new be.bolwerk.findings.register.Actor(iso.id(), iso.displayName()), clock.instant());
        refused(() -> store.update(second), RiskAcceptanceStore.STALE);
        assertThat(store.find(id).orElseThrow().statusReason()).isEqualTo("Eerst");
        assertThat(store.history(id)).hasSize(2);
    }

    private Accepting.Proposal proposal(LocalDate expiry, FindingId... covered) {
        return new Accepting.Proposal(
                APPELKERKE,
                title,
                RiskDecision.ACCEPT,
                "Apart netwerk",
                "Collegebesluit 2026/200",
                iso.id(),
                expiry,
                List.of(covered));
    }

    private FindingId finding(String suffix, Severity severity) {
        return raising.raise(
                APPELKERKE, new Finding.Details(title + suffix, "", severity, "", "", null, null, "", false, ""), marc);
    }

    private long mails(String recipient, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s")
                .param("r", recipient)
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    private static void refused(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }

    private CurrentUser account(String email, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, Set.of(), memberships);
    }
}
