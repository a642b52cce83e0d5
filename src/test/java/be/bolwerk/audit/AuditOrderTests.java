package be.bolwerk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.audit.event.AuditFindingRecorded;
import be.bolwerk.audit.event.AuditFirmAssigned;
import be.bolwerk.audit.event.AuditOrderApproved;
import be.bolwerk.audit.event.AuditOrderCancelled;
import be.bolwerk.audit.event.AuditOrderCompleted;
import be.bolwerk.audit.event.AuditOrderHeld;
import be.bolwerk.audit.event.AuditOrderRefused;
import be.bolwerk.audit.event.AuditOrderRequested;
import be.bolwerk.audit.event.AuditOrderResumed;
import be.bolwerk.audit.event.AuditOrderWaitListed;
import be.bolwerk.audit.event.AuditReportUploaded;
import be.bolwerk.audit.event.AuditScheduled;
import be.bolwerk.audit.event.AuditStarted;
import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.Quote;
import be.bolwerk.audit.ordering.Severity;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.CompanyNumber;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Settlement;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The order's state machine without a database: every transition from where it is allowed, with its event and
 * its history step, and its refusal from where it is not.
 */
class AuditOrderTests {

    private static final AuditOrder.Actor BY = new AuditOrder.Actor(UUID.randomUUID(), "Paula Programma");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static AuditOrder order(AuditKind kind) {
        return AuditOrder.request(
                new AuditOrder.Request(
                        UUID.randomUUID(),
                        "Gemeente Appelkerke",
                        null,
                        null,
                        kind,
                        false,
                        new BudgetLineId(UUID.randomUUID()),
                        true,
                        new Quote(new BigDecimal("7500.00"), new BigDecimal("1575.00"))),
                BY,
                NOW);
    }

    private static void refused(ThrowingCallable step, String key) {
        assertThatThrownBy(step).isInstanceOf(Refusal.class).matches(r -> ((Refusal) r).is(key));
    }

    private static AuditOrder approved(AuditKind kind) {
        AuditOrder order = order(kind);
        order.approve(new CommitmentId(UUID.randomUUID()), order.expected().programme(), false, BY, NOW);
        return order;
    }

    private static AuditOrder inProgress() {
        AuditOrder order = approved(AuditKind.BASIC);
        order.assign("Auditkantoor Voorbeeld", BY, NOW);
        order.schedule(TODAY.plusDays(7), TODAY, BY, NOW);
        order.start(BY, NOW);
        return order;
    }

    private static Invoice invoice() {
        return new Invoice(
                "F-1",
                TODAY,
                CompanyNumber.parse("0403.170.701"),
                new BigDecimal("7500.00"),
                new BigDecimal("1575.00"),
                new BigDecimal("9075.00"));
    }

    @Test
    void anOrderIsRequestedWithItsExpectedSharesAndAHistory() {
        AuditOrder order = order(AuditKind.BASIC);
        assertThat(order.status()).isEqualTo(AuditStatus.REQUESTED);
        assertThat(order.reference()).startsWith("AUD-").hasSize(12);
        // Two thirds of 9 075,00 including VAT.
        assertThat(order.expected().programme()).isEqualByComparingTo("6050.00");
        assertThat(order.expected().organisation()).isEqualByComparingTo("3025.00");
        assertThat(order.events()).singleElement().isInstanceOf(AuditOrderRequested.class);
    }

    @Test
    void approvingMovesARequestedOrderAndRaisesApproved() {
        AuditOrder order = approved(AuditKind.BASIC);
        assertThat(order.status()).isEqualTo(AuditStatus.APPROVED);
        assertThat(order.reserved()).isEqualByComparingTo("6050.00");
        assertThat(order.events()).last().isInstanceOf(AuditOrderApproved.class);
        refused(
                () -> order.approve(new CommitmentId(UUID.randomUUID()), BigDecimal.ONE, false, BY, NOW),
                AuditOrder.RULE_DECIDE);
    }

    @Test
    void partialCoFinancingIsForSupplementaryAuditsOnly() {
        refused(
                () -> order(AuditKind.BASIC)
                        .approve(new CommitmentId(UUID.randomUUID()), BigDecimal.ONE, true, BY, NOW),
                AuditOrder.RULE_PARTIAL);
        AuditOrder supplementary = order(AuditKind.SUPPLEMENTARY);
        supplementary.approve(new CommitmentId(UUID.randomUUID()), new BigDecimal("100.00"), true, BY, NOW);
        assertThat(supplementary.capped()).isTrue();
        assertThat(((AuditOrderApproved) supplementary.events().get(1)).partial())
                .isTrue();
    }

    @Test
    void onlyASupplementaryRequestGoesOnTheWaitListAndCanBeApprovedFromIt() {
        refused(() -> order(AuditKind.BASIC).waitList(BY, NOW), AuditOrder.RULE_WAIT_LIST);
        AuditOrder order = order(AuditKind.SUPPLEMENTARY);
        order.waitList(BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.WAIT_LISTED);
        assertThat(order.waitListedAt()).isEqualTo(NOW);
        assertThat(order.events()).last().isInstanceOf(AuditOrderWaitListed.class);
        refused(() -> order.waitList(BY, NOW), AuditOrder.RULE_DECIDE);
        order.approve(new CommitmentId(UUID.randomUUID()), new BigDecimal("10.00"), false, BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.APPROVED);
        assertThat(order.waitListedAt()).isNull();
    }

    @Test
    void refusingNeedsAReasonAndEndsTheOrder() {
        AuditOrder order = order(AuditKind.BASIC);
        refused(() -> order.refuse("  ", BY, NOW), AuditOrder.REASON_REQUIRED);
        order.refuse("Geen offerte van een erkend kantoor", BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.REFUSED);
        assertThat(order.refusalReason()).isEqualTo("Geen offerte van een erkend kantoor");
        assertThat(order.events()).last().isInstanceOf(AuditOrderRefused.class);
        refused(() -> order.refuse("nog eens", BY, NOW), AuditOrder.RULE_DECIDE);
        refused(() -> order.cancel(null, BigDecimal.ZERO, BY, NOW), AuditOrder.RULE_CANCEL);
    }

    @Test
    void aFirmIsAssignedAfterApprovalOnly() {
        refused(() -> order(AuditKind.BASIC).assign("Kantoor", BY, NOW), AuditOrder.RULE_ASSIGN);
        AuditOrder order = approved(AuditKind.BASIC);
        order.assign("Auditkantoor Voorbeeld", BY, NOW);
        assertThat(order.firm()).isEqualTo("Auditkantoor Voorbeeld");
        assertThat(order.events()).last().isInstanceOf(AuditFirmAssigned.class);
    }

    @Test
    void schedulingNeedsAFirmAndADateFromToday() {
        AuditOrder order = approved(AuditKind.BASIC);
        refused(() -> order.schedule(TODAY.plusDays(3), TODAY, BY, NOW), AuditOrder.RULE_SCHEDULE);
        order.assign("Auditkantoor Voorbeeld", BY, NOW);
        refused(() -> order.schedule(TODAY.minusDays(1), TODAY, BY, NOW), AuditOrder.SCHEDULE_PAST);
        order.schedule(TODAY, TODAY, BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.SCHEDULED);
        assertThat(order.events()).last().isInstanceOf(AuditScheduled.class);
        // Moved to a later day while it has not started.
        order.schedule(TODAY.plusDays(5), TODAY, BY, NOW);
        assertThat(order.scheduledOn()).isEqualTo(TODAY.plusDays(5));
    }

    @Test
    void anAuditStartsWhenScheduledAndTakesFindingsAndTheReportWhileItRuns() {
        AuditOrder approved = approved(AuditKind.BASIC);
        refused(() -> approved.start(BY, NOW), AuditOrder.RULE_START);
        refused(() -> approved.record("Titel", Severity.HIGH, "Wat", "Doen", BY, NOW), AuditOrder.RULE_FINDING);
        refused(() -> approved.report("rapport.pdf", 10, BY, NOW), AuditOrder.RULE_REPORT);
        AuditOrder order = inProgress();
        assertThat(order.status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(order.events()).last().isInstanceOf(AuditStarted.class);
        refused(() -> order.record(" ", Severity.HIGH, "Wat", "Doen", BY, NOW), AuditOrder.REASON_REQUIRED);
        order.record(
                "Geen back-up offline", Severity.HIGH, "Alle back-ups staan online.", "Eén kopie offline.", BY, NOW);
        assertThat(order.events()).last().isInstanceOf(AuditFindingRecorded.class);
        order.report("rapport.pdf", 1234, BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.REPORTED);
        assertThat(order.events()).last().isInstanceOf(AuditReportUploaded.class);
        refused(() -> order.record("Te laat", Severity.LOW, "Wat", "Doen", BY, NOW), AuditOrder.RULE_FINDING);
    }

    @Test
    void completionNeedsTheReportAndRecordsTheInvoiceAndBothShares() {
        AuditOrder running = inProgress();
        refused(running::requireCompletable, AuditOrder.RULE_COMPLETE);
        running.report("rapport.pdf", 1234, BY, NOW);
        Settlement settlement = new Settlement(
                running.commitment(), new BigDecimal("9075.00"), new BigDecimal("6050.00"), new BigDecimal("3025.00"));
        running.complete(invoice(), settlement, BY, NOW);
        assertThat(running.status()).isEqualTo(AuditStatus.COMPLETED);
        assertThat(running.programmePaid()).isEqualByComparingTo("6050.00");
        assertThat(running.events()).last().isInstanceOf(AuditOrderCompleted.class);
        refused(() -> running.complete(invoice(), settlement, BY, NOW), AuditOrder.RULE_COMPLETE);
        refused(() -> running.cancel(null, BigDecimal.ZERO, BY, NOW), AuditOrder.RULE_CANCEL);
    }

    @Test
    void onHoldGoesBackToWhereItWas() {
        refused(() -> order(AuditKind.BASIC).hold("Wacht", BY, NOW), AuditOrder.RULE_HOLD);
        AuditOrder order = inProgress();
        refused(() -> order.resume(BY, NOW), AuditOrder.RULE_RESUME);
        refused(() -> order.hold("", BY, NOW), AuditOrder.REASON_REQUIRED);
        order.hold("Cyberincident bij de gemeente", BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.ON_HOLD);
        assertThat(order.heldFrom()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(order.events()).last().isInstanceOf(AuditOrderHeld.class);
        refused(() -> order.start(BY, NOW), AuditOrder.RULE_START);
        order.resume(BY, NOW);
        assertThat(order.status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(order.heldFrom()).isNull();
        assertThat(order.events()).last().isInstanceOf(AuditOrderResumed.class);
    }

    @Test
    void cancellingIsPossibleUntilTheAuditStarts() {
        AuditOrder requested = order(AuditKind.BASIC);
        requested.cancel("Dubbel besteld", BigDecimal.ZERO, BY, NOW);
        assertThat(requested.status()).isEqualTo(AuditStatus.CANCELLED);
        assertThat(requested.events()).last().isInstanceOf(AuditOrderCancelled.class);
        AuditOrder held = approved(AuditKind.BASIC);
        held.hold("Wacht", BY, NOW);
        held.cancel(null, held.reserved(), BY, NOW);
        assertThat(held.status()).isEqualTo(AuditStatus.CANCELLED);
        assertThat(((AuditOrderCancelled) held.events().get(held.events().size() - 1)).released())
                .isEqualByComparingTo("6050.00");
        refused(() -> inProgress().cancel(null, BigDecimal.ZERO, BY, NOW), AuditOrder.RULE_CANCEL);
    }
}
