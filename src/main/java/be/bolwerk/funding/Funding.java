package be.bolwerk.funding;

import be.bolwerk.funding.ledger.LedgerEntry;
import be.bolwerk.funding.ledger.LedgerStore;
import be.bolwerk.funding.ledger.LedgerStore.Commitment;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of the programme's money (the audit orders in particular): reserve credit when an
 * order is approved, settle it from the invoice, release it when the order is cancelled, and how much a line
 * still has. A line is never overspent, also when two officers approve at the same moment: the credit is
 * checked and taken in one conditional write (ADR 0023), and the one who comes second gets
 * {@link #CREDIT_INSUFFICIENT}. Callers check who may do this; this class checks the money.
 */
@Service
public class Funding {

    public static final String CREDIT_INSUFFICIENT = "funding.credit.insufficient";
    public static final String AMOUNT_INVALID = "funding.amount.invalid";
    public static final String LINE_NOT_VALID = "funding.line.notValid";
    public static final String NOT_OPEN = "funding.commitment.notOpen";
    public static final String REFERENCE_REQUIRED = "funding.reference.required";

    private final LedgerStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Funding(LedgerStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reserves the amount on the line, today, or refuses with {@link #CREDIT_INSUFFICIENT} (409) and the amount
     * still available when the line does not cover it, or {@link #LINE_NOT_VALID} outside its validity period.
     */
    @Transactional
    public CommitmentId reserve(BudgetLineId lineId, Reservation reservation) {
        BudgetLineSummary line = store.find(lineId).orElseThrow(BudgetLineNotFound::new);
        if (reservation.reference() == null || reservation.reference().isBlank()) {
            throw Refusal.invalid(REFERENCE_REQUIRED);
        }
        BigDecimal amount = Money.cents(reservation.amount(), AMOUNT_INVALID);
        if (amount.signum() == 0) {
            throw Refusal.invalid(AMOUNT_INVALID);
        }
        LocalDate today = BelgianTime.today(clock);
        if (today.isBefore(line.validFrom()) || today.isAfter(line.validUntil())) {
            throw Refusal.invalid(LINE_NOT_VALID, line.name());
        }
        if (!store.commit(lineId, amount)) {
            BigDecimal available =
                    store.find(lineId).map(BudgetLineSummary::available).orElse(BigDecimal.ZERO);
            throw Refusal.conflict(CREDIT_INSUFFICIENT, line.name(), Money.euro(amount), Money.euro(available));
        }
        CommitmentId id = new CommitmentId(java.util.UUID.randomUUID());
        store.insertCommitment(
                id,
                lineId,
                reservation.reference().strip(),
                reservation.organisationId(),
                amount,
                reservation.capped(),
                today,
                reservation.by());
        events.publishEvent(new CreditCommitted(
                id,
                lineId,
                reservation.organisationId(),
                reservation.reference().strip(),
                amount));
        return id;
    }

    /**
     * Pays an open commitment from its invoice. The share applies to the invoice total, or to the amount
     * excluding VAT when the line says so; the programme's part is rounded half-even to cents and, for a capped
     * reservation, is at most what was reserved; the organisation pays the rest of the total. The payment is
     * booked today, which may be a later year than the commitment.
     */
    @Transactional
    public Settlement settle(CommitmentId id, Invoice invoice, Share share) {
        Commitment commitment = store.commitment(id).orElseThrow(BudgetLineNotFound::new);
        BudgetLineSummary line = store.find(commitment.line()).orElseThrow(BudgetLineNotFound::new);
        LedgerEntry entry = commitment.entry();
        BigDecimal base = line.sharesIncludeVat() ? invoice.total() : invoice.amountExcludingVat();
        BigDecimal programme = share.of(base).programme();
        if (entry.capped() && programme.compareTo(entry.amount()) > 0) {
            programme = entry.amount();
        }
        BigDecimal organisation = invoice.total().subtract(programme);
        LocalDate today = BelgianTime.today(clock);
        if (!store.settle(id, invoice, programme, organisation, today)) {
            throw Refusal.conflict(NOT_OPEN, entry.reference());
        }
        if (!store.pay(commitment.line(), entry.amount(), programme)) {
            // Thrown inside the transaction: the commitment's status rolls back with it.
            throw Refusal.conflict(
                    CREDIT_INSUFFICIENT, line.name(), Money.euro(programme), Money.euro(line.available()));
        }
        events.publishEvent(new CommitmentSettled(
                id, commitment.line(), entry.organisationId(), invoice.number(), programme, organisation));
        return new Settlement(id, base, programme, organisation);
    }

    /** Gives the reserved credit of an open commitment back to its line (the order was cancelled). */
    @Transactional
    public void release(CommitmentId id) {
        Commitment commitment = store.commitment(id).orElseThrow(BudgetLineNotFound::new);
        if (!store.release(id, BelgianTime.today(clock))) {
            throw Refusal.conflict(NOT_OPEN, commitment.entry().reference());
        }
        store.uncommit(commitment.line(), commitment.entry().amount());
        events.publishEvent(new CommitmentReleased(
                id,
                commitment.line(),
                commitment.entry().organisationId(),
                commitment.entry().amount()));
    }

    /** What the line can still commit: credit minus open commitments minus payments. */
    @Transactional(readOnly = true)
    public BigDecimal remaining(BudgetLineId lineId) {
        return store.find(lineId).orElseThrow(BudgetLineNotFound::new).available();
    }

    @Transactional(readOnly = true)
    public Optional<BudgetLineSummary> line(BudgetLineId lineId) {
        return store.find(lineId);
    }

    /** The lines of a year (every year when null), to choose one from. */
    @Transactional(readOnly = true)
    public List<BudgetLineSummary> lines(Integer year) {
        return store.lines(year);
    }
}
