package be.bolwerk.funding.demo;

import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.CompanyNumber;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Share;
import be.bolwerk.funding.Shares;
import be.bolwerk.funding.ledger.LedgerStore;
import be.bolwerk.shared.BelgianTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: last year's and this year's lines for basic and supplementary audits and the emergency
 * fund of 1.25 million euros (seed 003), with commitments for demo organisations, some paid (one of last year's
 * in this year), one released. Written straight into the store with dates in the past and without audit rows:
 * the demo trail should show what people do in the demo. The arithmetic is the real one (two thirds, half,
 * half-even), so the ledger adds up like a real one.
 */
@Component
@Profile("demo")
@Order(45)
class DemoBudget implements ApplicationRunner {

    private static final UUID DEMO_PERSON = UUID.nameUUIDFromBytes("bolwerk-demo-budget".getBytes());
    private static final String OWNER = "Agentschap Binnenlands Bestuur";
    private static final CompanyNumber FIRM_A = CompanyNumber.parse("0812.345.603");
    private static final CompanyNumber FIRM_B = CompanyNumber.parse("1234.567.894");
    /** A basic audit: 7.500,00 excluding 21 % VAT. */
    private static final BigDecimal BASIC = new BigDecimal("7500.00");
    /** A supplementary audit: 4.200,00 excluding VAT. */
    private static final BigDecimal SUPPLEMENTARY = new BigDecimal("4200.00");

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final Clock clock;

    DemoBudget(JdbcClient jdbc, LedgerStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM budget_line").query(Long.class).single() > 0) {
            return;
        }
        List<UUID> organisations = jdbc.sql("SELECT id FROM organisation ORDER BY name")
                .query(UUID.class)
                .list();
        if (organisations.size() < 8) {
            return;
        }
        LocalDate today = BelgianTime.today(clock);
        int year = today.getYear();
        int last = year - 1;

        BudgetLineId basicLast = line("Basisaudits " + last, last, BudgetPurpose.BASIC_AUDITS, "600000.00");
        BudgetLineId extraLast =
                line("Aanvullende audits " + last, last, BudgetPurpose.SUPPLEMENTARY_AUDITS, "150000.00");
        BudgetLineId basic = line("Basisaudits " + year, year, BudgetPurpose.BASIC_AUDITS, "600000.00");
        line("Aanvullende audits " + year, year, BudgetPurpose.SUPPLEMENTARY_AUDITS, "150000.00");
        line("Noodfonds " + year, year, BudgetPurpose.EMERGENCY_FUND, "1250000.00");

        LocalDate lastSpring = LocalDate.of(last, 3, 10);
        paid(
                basicLast,
                organisations.get(0),
                "Basisaudit",
                Share.TWO_THIRDS,
                BASIC,
                lastSpring,
                lastSpring.plusMonths(3),
                FIRM_A);
        paid(
                basicLast,
                organisations.get(1),
                "Basisaudit",
                Share.TWO_THIRDS,
                BASIC,
                lastSpring.plusMonths(1),
                lastSpring.plusMonths(5),
                FIRM_B);
        // Ordered last autumn, invoiced and paid this year: the payment falls in a later year than its commitment.
        paid(
                basicLast,
                organisations.get(2),
                "Basisaudit met begeleidingsdag",
                Share.TWO_THIRDS,
                new BigDecimal("8350.00"),
                LocalDate.of(last, 10, 20),
                LocalDate.of(year, 1, 15),
                FIRM_A);
        paid(
                extraLast,
                organisations.get(0),
                "Aanvullende audit",
                Share.HALF,
                SUPPLEMENTARY,
                LocalDate.of(last, 6, 2),
                LocalDate.of(last, 9, 30),
                FIRM_B);

        LocalDate start = LocalDate.of(year, 1, 20).isAfter(today) ? today : LocalDate.of(year, 1, 20);
        open(
                basic,
                organisations.get(3),
                "Basisaudit",
                Share.TWO_THIRDS.of(gross(BASIC)).programme(),
                start);
        open(
                basic,
                organisations.get(4),
                "Basisaudit",
                Share.TWO_THIRDS.of(gross(BASIC)).programme(),
                start);
        CommitmentId cancelled = open(
                basic,
                organisations.get(5),
                "Basisaudit",
                Share.TWO_THIRDS.of(gross(BASIC)).programme(),
                start);
        store.release(cancelled, start);
        store.uncommit(basic, Share.TWO_THIRDS.of(gross(BASIC)).programme());
        paid(basic, organisations.get(6), "Basisaudit", Share.TWO_THIRDS, BASIC, start, today, FIRM_B);
    }

    private BudgetLineId line(String name, int year, BudgetPurpose purpose, String credit) {
        BudgetLineId id = new BudgetLineId(UUID.nameUUIDFromBytes(("bolwerk-demo-budget-" + name).getBytes()));
        store.insert(
                new BudgetLineSummary(
                        id,
                        name,
                        year,
                        purpose,
                        OWNER,
                        LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31),
                        true,
                        new BigDecimal(credit),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO),
                DEMO_PERSON,
                clock.instant());
        return id;
    }

    private CommitmentId open(BudgetLineId line, UUID organisation, String what, BigDecimal amount, LocalDate on) {
        CommitmentId id = new CommitmentId(UUID.randomUUID());
        store.commit(line, amount);
        store.insertCommitment(id, line, what + " " + on.getYear(), organisation, amount, false, on, DEMO_PERSON);
        return id;
    }

    private void paid(
            BudgetLineId line,
            UUID organisation,
            String what,
            Share share,
            BigDecimal excl,
            LocalDate committedOn,
            LocalDate paidOn,
            CompanyNumber supplier) {
        BigDecimal total = gross(excl);
        Shares shares = share.of(total);
        CommitmentId id = open(line, organisation, what, shares.programme(), committedOn);
        Invoice invoice = new Invoice(
                "F" + paidOn.getYear() + "-" + id.value().toString().substring(0, 6),
                paidOn,
                supplier,
                excl,
                total.subtract(excl),
                total);
        store.settle(id, invoice, shares.programme(), shares.organisation(), paidOn);
        store.pay(line, shares.programme(), shares.programme());
    }

    /** Belgian VAT of 21 %, rounded to cents. */
    private static BigDecimal gross(BigDecimal excl) {
        return excl.multiply(new BigDecimal("1.21")).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
