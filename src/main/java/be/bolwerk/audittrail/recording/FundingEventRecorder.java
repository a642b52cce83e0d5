package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.funding.BudgetLedgerExported;
import be.bolwerk.funding.BudgetLineAdjusted;
import be.bolwerk.funding.BudgetLineCreated;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.CommitmentReleased;
import be.bolwerk.funding.CommitmentSettled;
import be.bolwerk.funding.CreditCommitted;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every change to the programme's money, synchronously, so a line or a commitment never changes without
 * its audit row. Amounts are written as plain decimals so the trail can be reconciled with the ledger; the
 * line and commitment ids sit beside the sentence ({@link Details}).
 */
@Component
class FundingEventRecorder {

    private final AuditTrail trail;

    FundingEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(BudgetLineCreated event) {
        trail.append(
                AuditEventType.BUDGET_LINE_CREATED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("line", event.id().value()),
                        "audit.detail.budgetLineCreated",
                        event.name(),
                        String.valueOf(event.year()),
                        event.credit().toPlainString()));
    }

    @EventListener
    void on(BudgetLineAdjusted event) {
        trail.append(
                AuditEventType.BUDGET_LINE_ADJUSTED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("line", event.id().value()),
                        "audit.detail.budgetLineAdjusted",
                        event.name(),
                        event.creditBefore().toPlainString(),
                        event.creditAfter().toPlainString()));
    }

    @EventListener
    void on(CreditCommitted event) {
        trail.append(
                AuditEventType.CREDIT_COMMITTED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        ids(event.line(), event.id()),
                        "audit.detail.creditCommitted",
                        event.amount().toPlainString(),
                        event.reference()));
    }

    @EventListener
    void on(CommitmentSettled event) {
        trail.append(
                AuditEventType.COMMITMENT_SETTLED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        ids(event.line(), event.id()),
                        "audit.detail.commitmentSettled",
                        event.invoiceNumber(),
                        event.programmeShare().toPlainString(),
                        event.organisationShare().toPlainString()));
    }

    @EventListener
    void on(CommitmentReleased event) {
        trail.append(
                AuditEventType.COMMITMENT_RELEASED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        ids(event.line(), event.id()),
                        "audit.detail.commitmentReleased",
                        event.amount().toPlainString()));
    }

    @EventListener
    void on(BudgetLedgerExported event) {
        trail.appendAlone(
                AuditEventType.EXPORT,
                true,
                Actors.current(),
                null,
                Details.about(Map.of("line", event.line().value()), "audit.detail.ledgerExported", event.rows()));
    }

    private static Map<String, UUID> ids(BudgetLineId line, CommitmentId commitment) {
        return Map.of("line", line.value(), "commitment", commitment.value());
    }
}
