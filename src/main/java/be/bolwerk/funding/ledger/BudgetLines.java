package be.bolwerk.funding.ledger;

import be.bolwerk.funding.BudgetLedgerExported;
import be.bolwerk.funding.BudgetLineAdjusted;
import be.bolwerk.funding.BudgetLineCreated;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.BudgetLineNotFound;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.Money;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme office opens and adjusts budget lines and reads their ledgers. Lowering the credit below what
 * is committed and paid is refused by the same conditional write that changes it, so a commitment made at that
 * moment cannot slip under it. Only programme officers, checked here as well as on the pages (defence in depth).
 */
@Service
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
public class BudgetLines {

    public static final String PERIOD_INVALID = "funding.line.period.invalid";
    public static final String YEAR_INVALID = "funding.line.year.invalid";
    public static final String NAME_TAKEN = "funding.line.name.taken";
    public static final String CREDIT_BELOW_USED = "funding.line.credit.belowUsed";
    public static final String CREDIT_INVALID = "funding.line.credit.invalid";

    private final LedgerStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BudgetLines(LedgerStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** A line as the officer describes it. */
    public record Draft(
            String name,
            int year,
            BudgetPurpose purpose,
            String owner,
            LocalDate validFrom,
            LocalDate validUntil,
            boolean sharesIncludeVat,
            BigDecimal credit) {}

    @Transactional
    public BudgetLineId create(Draft draft, CurrentUser by) {
        BudgetLineId id = new BudgetLineId(UUID.randomUUID());
        BudgetLineSummary line = checked(id, draft);
        store.insert(line, by.id(), clock.instant());
        events.publishEvent(new BudgetLineCreated(id, line.name(), line.year(), line.credit()));
        return id;
    }

    @Transactional
    public void adjust(BudgetLineId id, Draft draft) {
        BudgetLineSummary before = store.find(id).orElseThrow(BudgetLineNotFound::new);
        // The year is part of what a line is (its ledger, its name's uniqueness): it is kept as it was opened.
        BudgetLineSummary line = checked(
                id,
                new Draft(
                        draft.name(),
                        before.year(),
                        before.purpose(),
                        draft.owner(),
                        draft.validFrom(),
                        draft.validUntil(),
                        draft.sharesIncludeVat(),
                        draft.credit()));
        if (!store.adjust(line)) {
            BudgetLineSummary now = store.find(id).orElseThrow(BudgetLineNotFound::new);
            throw Refusal.conflict(CREDIT_BELOW_USED, Money.euro(now.committed().add(now.paid())));
        }
        events.publishEvent(new BudgetLineAdjusted(id, line.name(), before.credit(), line.credit()));
    }

    @Transactional(readOnly = true)
    public BudgetLineSummary line(BudgetLineId id) {
        return store.find(id).orElseThrow(BudgetLineNotFound::new);
    }

    @Transactional(readOnly = true)
    public List<BudgetLineSummary> lines(Integer year) {
        return store.lines(year);
    }

    @Transactional(readOnly = true)
    public List<Integer> years() {
        return store.years();
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(BudgetLineId id) {
        store.find(id).orElseThrow(BudgetLineNotFound::new);
        return store.entries(id);
    }

    /** The ledger for a download; the download itself is audited. */
    @Transactional
    public List<LedgerEntry> export(BudgetLineId id) {
        List<LedgerEntry> entries = ledger(id);
        events.publishEvent(new BudgetLedgerExported(id, entries.size()));
        return entries;
    }

    private BudgetLineSummary checked(BudgetLineId id, Draft draft) {
        if (draft.year() < 2000 || draft.year() > 2100) {
            throw Refusal.invalid(YEAR_INVALID);
        }
        if (draft.validUntil().isBefore(draft.validFrom())) {
            throw Refusal.invalid(PERIOD_INVALID);
        }
        BigDecimal credit = Money.cents(draft.credit(), CREDIT_INVALID);
        String name = draft.name().strip();
        if (store.nameTaken(draft.year(), name, id)) {
            throw Refusal.conflict(NAME_TAKEN, name, draft.year());
        }
        return new BudgetLineSummary(
                id,
                name,
                draft.year(),
                draft.purpose(),
                draft.owner().strip(),
                draft.validFrom(),
                draft.validUntil(),
                draft.sharesIncludeVat(),
                credit,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
    }
}
