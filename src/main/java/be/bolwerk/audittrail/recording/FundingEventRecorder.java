package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.funding.BudgetLedgerExported;
import be.bolwerk.funding.BudgetLineAdjusted;
import be.bolwerk.funding.BudgetLineCreated;
import be.bolwerk.funding.CommitmentReleased;
import be.bolwerk.funding.CommitmentSettled;
import be.bolwerk.funding.CreditCommitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every change to the programme's money, synchronously, so a line or a commitment never changes without
 * its audit row. Amounts are written as plain decimals so the trail can be reconciled with the ledger.
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
                "line=" + event.id() + " year=" + event.year() + " credit="
                        + event.credit().toPlainString() + " " + event.name());
    }

    @EventListener
    void on(BudgetLineAdjusted event) {
        trail.append(
                AuditEventType.BUDGET_LINE_ADJUSTED,
                true,
                Actors.current(),
                null,
                "line=" + event.id() + " credit=" + event.creditBefore().toPlainString() + "->"
                        + event.creditAfter().toPlainString() + " " + event.name());
    }

    @EventListener
    void on(CreditCommitted event) {
        trail.append(
                AuditEventType.CREDIT_COMMITTED,
                true,
                Actors.current(),
                event.organisationId(),
                "line=" + event.line() + " commitment=" + event.id() + " amount="
                        + event.amount().toPlainString() + " " + event.reference());
    }

    @EventListener
    void on(CommitmentSettled event) {
        trail.append(
                AuditEventType.COMMITMENT_SETTLED,
                true,
                Actors.current(),
                event.organisationId(),
                "line=" + event.line() + " commitment=" + event.id() + " invoice=" + event.invoiceNumber()
                        + " programme=" + event.programmeShare().toPlainString() + " organisation="
                        + event.organisationShare().toPlainString());
    }

    @EventListener
    void on(CommitmentReleased event) {
        trail.append(
                AuditEventType.COMMITMENT_RELEASED,
                true,
                Actors.current(),
                event.organisationId(),
                "line=" + event.line() + " commitment=" + event.id() + " amount="
                        + event.amount().toPlainString());
    }

    @EventListener
    void on(BudgetLedgerExported event) {
        trail.appendAlone(
                AuditEventType.EXPORT,
                true,
                Actors.current(),
                null,
                "budget ledger line=" + event.line() + " rows=" + event.rows());
    }
}
