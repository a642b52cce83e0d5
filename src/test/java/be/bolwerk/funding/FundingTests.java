package be.bolwerk.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.funding.ledger.BudgetLines;
import be.bolwerk.funding.ledger.CommitmentStatus;
import be.bolwerk.funding.ledger.LedgerEntry;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The ledger against the database: reserving, settling from an invoice (including or excluding VAT, capped,
 * in a later year), releasing, adjusting the credit, every change audited, and never negative, also when
 * officers reserve the last credit at the same moment. Runs on H2 and, in the PostgreSQL run, on PostgreSQL.
 */
@SpringBootTest
class FundingTests {

    private static final CompanyNumber SUPPLIER = CompanyNumber.parse("0403.170.701");

    private final Funding funding;
    private final BudgetLines lines;
    private final JdbcClient jdbc;

    private final CurrentUser officer = TestUsers.programmeOfficer();

    FundingTests(@Autowired Funding funding, @Autowired BudgetLines lines, @Autowired JdbcClient jdbc) {
        this.funding = funding;
        this.lines = lines;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(officer));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyProgrammeOfficersManageLines() {
        SecurityContextHolder.getContext()
                .setAuthentication(TestUsers.fullySignedIn(TestUsers.member(
                        be.bolwerk.organisation.demo.DemoOrganisationIds.APPELKERKE.value(),
                        be.bolwerk.shared.security.OrganisationRole.ORGANISATION_ADMIN)));
        assertThatThrownBy(() -> lines.lines(null))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    private static BigDecimal euro(String amount) {
        return new BigDecimal(amount);
    }

    private BudgetLineId line(String credit, boolean includingVat) {
        return new BudgetLineId(FundingFixtures.line(jdbc, credit, includingVat));
    }

    private Reservation reservation(String amount) {
        return new Reservation("Basisaudit " + UUID.randomUUID(), null, euro(amount), false, officer.id());
    }

    private static Invoice invoice(String excl, String vat, String total) {
        return new Invoice(
                "F-" + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(),
                SUPPLIER,
                euro(excl),
                euro(vat),
                euro(total));
    }

    /** A line, one reservation on it and its settlement: the set-up of every settling test. */
    private record Settled(BudgetLineId line, CommitmentId id, Settlement settlement) {}

    private Settled reservedAndSettled(
            String credit, boolean includingVat, Reservation reservation, Invoice invoice, Share share) {
        BudgetLineId line = line(credit, includingVat);
        CommitmentId id = funding.reserve(line, reservation);
        return new Settled(line, id, funding.settle(id, invoice, share));
    }

    private static void assertShares(Settlement settlement, String base, String programme, String organisation) {
        assertThat(settlement.base()).isEqualByComparingTo(base);
        assertThat(settlement.programmeShare()).isEqualByComparingTo(programme);
        assertThat(settlement.organisationShare()).isEqualByComparingTo(organisation);
    }

    private long audited(String type, Object id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = :type AND details LIKE :id")
                .param("type", type)
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aReservationTakesCreditAndTheFiguresAddUp() {
        BudgetLineId line = line("10000.00", true);
        CommitmentId id = funding.reserve(line, reservation("6050.00"));
        BudgetLineSummary after = funding.line(line).orElseThrow();
        assertThat(after.committed()).isEqualByComparingTo("6050.00");
        assertThat(after.available()).isEqualByComparingTo("3950.00");
        assertThat(funding.remaining(line)).isEqualByComparingTo("3950.00");
        assertThat(audited("CREDIT_COMMITTED", id)).isEqualTo(1);
    }

    @Test
    void aReservationBeyondTheCreditIsRefusedWithWhatIsLeft() {
        BudgetLineId line = line("1000.00", true);
        funding.reserve(line, reservation("999.99"));
        assertThatThrownBy(() -> funding.reserve(line, reservation("0.02")))
                .isInstanceOf(Refusal.class)
                .matches(r -> ((Refusal) r).is(Funding.CREDIT_INSUFFICIENT))
                .matches(r -> ((Refusal) r).kind() == Refusal.Kind.CONFLICT)
                .matches(r -> ((Refusal) r).arguments()[2].equals("€ 0,01"));
        funding.reserve(line, reservation("0.01"));
        assertThat(funding.remaining(line)).isEqualByComparingTo("0.00");
        assertThatThrownBy(() -> funding.reserve(line, reservation("-5.00")))
                .matches(r -> ((Refusal) r).is(Funding.AMOUNT_INVALID));
        assertThatThrownBy(() -> funding.reserve(line, reservation("0.001")))
                .matches(r -> ((Refusal) r).is(Funding.AMOUNT_INVALID));
    }

    @Test
    void settlingIncludingVatPaysTwoThirdsOfTheTotal() {
        Settled settled = reservedAndSettled(
                "10000.00", true, reservation("6050.00"), invoice("7500.00", "1575.00", "9075.00"), Share.TWO_THIRDS);
        CommitmentId id = settled.id();
        assertShares(settled.settlement(), "9075.00", "6050.00", "3025.00");
        BudgetLineSummary after = funding.line(settled.line()).orElseThrow();
        assertThat(after.committed()).isEqualByComparingTo("0.00");
        assertThat(after.paid()).isEqualByComparingTo("6050.00");
        assertThat(audited("COMMITMENT_SETTLED", id)).isEqualTo(1);
        assertThatThrownBy(() -> funding.settle(id, invoice("1.00", "0.00", "1.00"), Share.TWO_THIRDS))
                .matches(r -> ((Refusal) r).is(Funding.NOT_OPEN));
    }

    @Test
    void settlingExcludingVatLeavesTheVatToTheOrganisationAndTheSharesStillAddUpToTheInvoice() {
        // Half of 4 200,01 = 2 100,005 → half-even 2 100,00; the organisation pays 5 082,01 − 2 100,00.
        Settlement settlement = reservedAndSettled(
                        "10000.00", false, reservation("2100.00"), invoice("4200.01", "882.00", "5082.01"), Share.HALF)
                .settlement();
        assertShares(settlement, "4200.01", "2100.00", "2982.01");
        assertThat(settlement.programmeShare().add(settlement.organisationShare()))
                .isEqualByComparingTo("5082.01");
    }

    @Test
    void aCappedReservationIsThePartialCoFinancingTheProgrammePaysAtMost() {
        Settled settled = reservedAndSettled(
                "1000.00",
                true,
                new Reservation("Aanvullende audit", null, euro("1000.00"), true, officer.id()),
                invoice("5000.00", "1050.00", "6050.00"),
                Share.HALF);
        assertShares(settled.settlement(), "6050.00", "1000.00", "5050.00");
        assertThat(funding.remaining(settled.line())).isEqualByComparingTo("0.00");
    }

    @Test
    void anInvoiceAboveTheReservationIsPaidOnlyWhenTheLineCoversTheDifference() {
        BudgetLineId line = line("1000.00", true);
        CommitmentId first = funding.reserve(line, reservation("600.00"));
        funding.reserve(line, reservation("400.00"));
        assertThatThrownBy(() -> funding.settle(first, invoice("1000.00", "0.00", "1000.00"), Share.TWO_THIRDS))
                .matches(r -> ((Refusal) r).is(Funding.CREDIT_INSUFFICIENT));
        // Refused as a whole: the commitment is still open and the figures unchanged.
        assertThat(entry(line, first).status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(funding.line(line).orElseThrow().committed()).isEqualByComparingTo("1000.00");
        assertThat(funding.line(line).orElseThrow().paid()).isEqualByComparingTo("0.00");
    }

    @Test
    void releasingGivesTheCreditBackOnce() {
        BudgetLineId line = line("1000.00", true);
        CommitmentId id = funding.reserve(line, reservation("700.00"));
        funding.release(id);
        assertThat(funding.remaining(line)).isEqualByComparingTo("1000.00");
        assertThat(entry(line, id).status()).isEqualTo(CommitmentStatus.RELEASED);
        assertThat(audited("COMMITMENT_RELEASED", id)).isEqualTo(1);
        assertThatThrownBy(() -> funding.release(id)).matches(r -> ((Refusal) r).is(Funding.NOT_OPEN));
        assertThat(funding.remaining(line)).isEqualByComparingTo("1000.00");
    }

    @Test
    void aPaymentMayFallInALaterYearThanItsCommitment() {
        BudgetLineId line = line("1000.00", true);
        CommitmentId id = funding.reserve(line, reservation("100.00"));
        jdbc.sql("UPDATE budget_commitment SET committed_on = :on WHERE id = :id")
                .param("on", LocalDate.now().minusYears(1))
                .param("id", id.value())
                .update();
        funding.settle(id, invoice("150.00", "0.00", "150.00"), Share.TWO_THIRDS);
        LedgerEntry paid = entry(line, id);
        assertThat(paid.paidOn().getYear()).isGreaterThan(paid.committedOn().getYear());
        assertThat(paid.programmeShare()).isEqualByComparingTo("100.00");
    }

    @Test
    void aLineIsCreatedAndAdjustedButNeverBelowWhatIsCommittedAndPaid() {
        int year = LocalDate.now().getYear();
        LocalDate january = LocalDate.of(year, 1, 1);
        LocalDate december = LocalDate.of(year, 12, 31);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        String name = "Aanvullende audits " + UUID.randomUUID();
        BudgetLineId line = lines.create(
                draft(name, BudgetPurpose.SUPPLEMENTARY_AUDITS, january, december, true, "5000.00"), officer);
        assertThat(audited("BUDGET_LINE_CREATED", line)).isEqualTo(1);
        jdbc.sql("UPDATE budget_line SET valid_from = :from, valid_until = :until WHERE id = :id")
                .param("from", yesterday)
                .param("until", tomorrow)
                .param("id", line.value())
                .update();
        funding.reserve(line, reservation("3000.00"));
        BudgetLines.Draft lower = draft(name, BudgetPurpose.SUPPLEMENTARY_AUDITS, yesterday, tomorrow, true, "2999.99");
        assertThatThrownBy(() -> lines.adjust(line, lower))
                .matches(r -> ((Refusal) r).is(BudgetLines.CREDIT_BELOW_USED))
                .matches(r -> ((Refusal) r).arguments()[0].equals("€ 3.000,00"));
        lines.adjust(line, draft(name, BudgetPurpose.SUPPLEMENTARY_AUDITS, yesterday, tomorrow, false, "3000.00"));
        BudgetLineSummary after = funding.line(line).orElseThrow();
        assertThat(after.credit()).isEqualByComparingTo("3000.00");
        assertThat(after.sharesIncludeVat()).isFalse();
        assertThat(audited("BUDGET_LINE_ADJUSTED", line)).isEqualTo(1);
        assertThatThrownBy(() -> lines.create(
                        draft(name.toUpperCase(), BudgetPurpose.OTHER, january, december, true, "1.00"), officer))
                .matches(r -> ((Refusal) r).is(BudgetLines.NAME_TAKEN));
        assertThatThrownBy(() -> lines.create(
                        draft(
                                "Omgekeerd",
                                BudgetPurpose.OTHER,
                                LocalDate.of(year, 5, 1),
                                LocalDate.of(year, 4, 1),
                                true,
                                "1.00"),
                        officer))
                .matches(r -> ((Refusal) r).is(BudgetLines.PERIOD_INVALID));
    }

    @Test
    void aLineOutsideItsValidityPeriodTakesNoCommitments() {
        BudgetLineId line = line("1000.00", true);
        jdbc.sql("UPDATE budget_line SET valid_until = :until WHERE id = :id")
                .param("until", LocalDate.now().minusDays(40))
                .param("id", line.value())
                .update();
        assertThatThrownBy(() -> funding.reserve(line, reservation("1.00")))
                .matches(r -> ((Refusal) r).is(Funding.LINE_NOT_VALID));
    }

    @Test
    void theDatabaseRefusesAnOverspentLineEvenWithoutTheCondition() {
        BudgetLineId line = line("100.00", true);
        assertThatThrownBy(() -> jdbc.sql("UPDATE budget_line SET committed = 100.01 WHERE id = :id")
                        .param("id", line.value())
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    /**
     * Eight officers approve at the same moment; the line covers three. Exactly three reservations succeed, the
     * others get the clear refusal, and the line ends at zero, not below.
     */
    @Test
    void officersReservingTheLastCreditAtTheSameMomentNeverOverspend() throws Exception {
        BudgetLineId line = line("300.00", true);
        int officers = 8;
        List<String> results = reservedAtOnce(line, "100.00", officers);
        assertThat(results).filteredOn("reserved"::equals).hasSize(3);
        assertThat(results).filteredOn(Funding.CREDIT_INSUFFICIENT::equals).hasSize(officers - 3);
        BudgetLineSummary after = funding.line(line).orElseThrow();
        assertThat(after.committed()).isEqualByComparingTo("300.00");
        assertThat(after.available()).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM budget_commitment WHERE budget_line_id = :id")
                        .param("id", line.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    /** Two officers, the last credit, the same moment: one commitment and one clear refusal. */
    @Test
    void twoOfficersApprovingTheLastCreditEndWithOneCommitmentAndOneRefusal() throws Exception {
        for (int round = 0; round < 5; round++) {
            BudgetLineId line = line("6050.00", true);
            assertThat(reservedAtOnce(line, "6050.00", 2))
                    .containsExactlyInAnyOrder("reserved", Funding.CREDIT_INSUFFICIENT);
            assertThat(funding.remaining(line)).isEqualByComparingTo("0.00");
        }
    }

    /** As many officers as asked reserve the amount at the same moment; what each got, "reserved" or the refusal. */
    private List<String> reservedAtOnce(BudgetLineId line, String amount, int officers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(officers);
        ExecutorService pool = Executors.newFixedThreadPool(officers);
        try {
            Callable<String> approve = () -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    funding.reserve(line, reservation(amount));
                    return "reserved";
                } catch (Refusal refused) {
                    return refused.messageKey();
                }
            };
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < officers; i++) {
                outcomes.add(pool.submit(approve));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static BudgetLines.Draft draft(
            String name, BudgetPurpose purpose, LocalDate from, LocalDate until, boolean vat, String credit) {
        return new BudgetLines.Draft(name, LocalDate.now().getYear(), purpose, "ABB", from, until, vat, euro(credit));
    }

    /** The demo holds last year's and this year's lines with commitments and payments, and each adds up. */
    @Test
    void theDemoLinesOfLastYearAndThisYearAddUp() {
        int year = LocalDate.now().getYear();
        List<BudgetLineSummary> demo = lines.lines(null).stream()
                .filter(l -> l.owner().equals("Agentschap Binnenlands Bestuur"))
                .toList();
        assertThat(demo).extracting(BudgetLineSummary::year).contains(year - 1, year);
        assertThat(demo)
                .anyMatch(l -> l.purpose() == BudgetPurpose.EMERGENCY_FUND
                        && l.credit().compareTo(euro("1250000.00")) == 0);
        assertThat(demo).anyMatch(l -> l.paid().signum() > 0 && l.year() == year - 1);
        assertThat(demo).anyMatch(l -> l.committed().signum() > 0 && l.year() == year);
        for (BudgetLineSummary line : demo) {
            List<LedgerEntry> ledger = lines.ledger(line.id());
            BigDecimal open = ledger.stream()
                    .filter(e -> e.status() == CommitmentStatus.OPEN)
                    .map(LedgerEntry::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paid = ledger.stream()
                    .filter(e -> e.status() == CommitmentStatus.SETTLED)
                    .map(LedgerEntry::programmeShare)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(line.committed()).as(line.name()).isEqualByComparingTo(open);
            assertThat(line.paid()).as(line.name()).isEqualByComparingTo(paid);
            ledger.stream()
                    .filter(e -> e.status() == CommitmentStatus.SETTLED)
                    .forEach(e -> assertThat(e.programmeShare().add(e.organisationShare()))
                            .isEqualByComparingTo(e.invoiceTotal()));
        }
    }

    private LedgerEntry entry(BudgetLineId line, CommitmentId id) {
        return lines.ledger(line).stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
