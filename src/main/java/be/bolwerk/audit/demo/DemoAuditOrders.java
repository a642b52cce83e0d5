package be.bolwerk.audit.demo;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrderStore;
import be.bolwerk.audit.ordering.Quote;
import be.bolwerk.audit.ordering.Severity;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.CompanyNumber;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Reservation;
import be.bolwerk.funding.Settlement;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: an audit order in every state over the demo organisations, on this year's demo budget
 * lines, so every audit page shows something real on first start. Credit is reserved and settled through
 * {@link Funding}, so the ledger adds up like a real one; the orders themselves are written through the store
 * without mails. The demo auditor's firm ({@value #FIRM}) has the approved ones, Gemeente Appelkerke has a
 * completed basic audit (so its admin can order a supplementary one) and OCMW Munthove a requested one.
 */
@Component
@Profile("demo")
@Order(50)
class DemoAuditOrders implements ApplicationRunner {

    static final String FIRM = "Auditkantoor Voorbeeld";
    private static final AuditOrder.Actor OFFICER = new AuditOrder.Actor(null, "Paula Programma");
    private static final AuditOrder.Actor AUDITOR = new AuditOrder.Actor(null, "Arne Auditeur");
    private static final CompanyNumber SUPPLIER = CompanyNumber.parse("0812.345.603");

    private final JdbcClient jdbc;
    private final AuditOrderStore store;
    private final Funding funding;
    private final Clock clock;

    DemoAuditOrders(JdbcClient jdbc, AuditOrderStore store, Funding funding, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.funding = funding;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM audit_order").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = BelgianTime.today(clock);
        Optional<BudgetLineSummary> basic = line(BudgetPurpose.BASIC_AUDITS, today);
        Optional<BudgetLineSummary> extra = line(BudgetPurpose.SUPPLEMENTARY_AUDITS, today);
        if (basic.isEmpty() || extra.isEmpty()) {
            return;
        }
        BudgetLineSummary b = basic.get();
        BudgetLineSummary s = extra.get();
        Instant now = clock.instant();

        AuditOrder appelkerke =
                placed(DemoOrganisationIds.APPELKERKE.value(), AuditKind.BASIC, true, b, "8350.00", days(now, 120));
        approve(appelkerke, b, days(now, 115));
        appelkerke.assign(FIRM, OFFICER, days(now, 115));
        appelkerke.schedule(today.minusDays(100), today.minusDays(100), AUDITOR, days(now, 110));
        appelkerke.start(AUDITOR, days(now, 100));
        store.update(appelkerke);
        appelkerke = reload(appelkerke);
        finding(appelkerke, "Geen offline kopie van de back-ups", Severity.HIGH, days(now, 99));
        report(appelkerke, days(now, 90));
        complete(appelkerke, b, "8350.00", days(now, 80));

        placed(DemoOrganisationIds.OCMW_MUNTHOVE.value(), AuditKind.BASIC, false, b, "7500.00", days(now, 3));
        placed(demo(3), AuditKind.BASIC, false, b, "7500.00", days(now, 2));

        AuditOrder approved = placed(demo(4), AuditKind.BASIC, true, b, "8350.00", days(now, 30));
        approve(approved, b, days(now, 25));
        approved.assign(FIRM, OFFICER, days(now, 25));
        store.update(approved);

        AuditOrder scheduled = placed(demo(5), AuditKind.BASIC, false, b, "7500.00", days(now, 40));
        approve(scheduled, b, days(now, 35));
        scheduled.assign(FIRM, OFFICER, days(now, 35));
        scheduled.schedule(today.plusDays(14), today, AUDITOR, days(now, 20));
        store.update(scheduled);

        AuditOrder running = placed(demo(6), AuditKind.BASIC, false, b, "7500.00", days(now, 60));
        approve(running, b, days(now, 55));
        running.assign(FIRM, OFFICER, days(now, 55));
        running.schedule(today, today, AUDITOR, days(now, 40));
        running.start(AUDITOR, days(now, 5));
        store.update(running);
        finding(reload(running), "Beheerdersaccounts zonder tweede factor", Severity.CRITICAL, days(now, 4));

        AuditOrder reported = placed(demo(7), AuditKind.BASIC, false, b, "7500.00", days(now, 70));
        approve(reported, b, days(now, 65));
        reported.assign(FIRM, OFFICER, days(now, 65));
        reported.schedule(today, today, AUDITOR, days(now, 50));
        reported.start(AUDITOR, days(now, 30));
        store.update(reported);
        reported = reload(reported);
        finding(reported, "Verouderde firewallregels", Severity.MEDIUM, days(now, 29));
        report(reported, days(now, 10));

        AuditOrder held = placed(demo(8), AuditKind.BASIC, false, b, "7500.00", days(now, 50));
        approve(held, b, days(now, 45));
        held.hold("Cyberincident bij het bestuur; de audit wacht tot de heropstart", OFFICER, days(now, 20));
        store.update(held);

        AuditOrder refused = placed(demo(9), AuditKind.BASIC, false, b, "9900.00", days(now, 20));
        refused.refuse("De offerte komt niet van een kantoor uit de raamovereenkomst", OFFICER, days(now, 15));
        store.update(refused);

        AuditOrder cancelled = placed(demo(10), AuditKind.BASIC, false, b, "7500.00", days(now, 35));
        cancelled.cancel("Dubbel besteld", BigDecimal.ZERO.setScale(2), OFFICER, days(now, 33));
        store.update(cancelled);

        // Appelkerke's completed basic audit makes it eligible for a supplementary one, which waits for credit.
        AuditOrder waiting = placed(
                DemoOrganisationIds.APPELKERKE.value(), AuditKind.SUPPLEMENTARY, false, s, "4200.00", days(now, 7));
        waiting.waitList(OFFICER, days(now, 6));
        store.update(waiting);
    }

    private Optional<BudgetLineSummary> line(BudgetPurpose purpose, LocalDate today) {
        return funding.lines(today.getYear()).stream()
                .filter(l -> l.purpose() == purpose && l.owner().equals("Agentschap Binnenlands Bestuur"))
                .min(Comparator.comparing(BudgetLineSummary::name));
    }

    private AuditOrder placed(
            UUID organisation, AuditKind kind, boolean coaching, BudgetLineSummary line, String excl, Instant at) {
        String name = jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", organisation)
                .query(String.class)
                .single();
        BigDecimal net = new BigDecimal(excl);
        AuditOrder order = AuditOrder.request(
                new AuditOrder.Request(
                        organisation,
                        name,
                        null,
                        null,
                        kind,
                        coaching,
                        line.id(),
                        line.sharesIncludeVat(),
                        new Quote(
                                net,
                                net.multiply(new BigDecimal("0.21")).setScale(2, java.math.RoundingMode.HALF_EVEN))),
                new AuditOrder.Actor(UUID.nameUUIDFromBytes("bolwerk-demo-audit".getBytes()), "Demo"),
                at);
        store.insert(order);
        return reload(order);
    }

    private AuditOrder reload(AuditOrder order) {
        return store.find(order.id()).orElseThrow();
    }

    private void approve(AuditOrder order, BudgetLineSummary line, Instant at) {
        BigDecimal amount = order.expected().programme();
        CommitmentId commitment = funding.reserve(
                line.id(),
                new Reservation(
                        order.reference() + " " + order.request().organisationName(),
                        order.organisationId(),
                        amount,
                        false,
                        null));
        order.approve(commitment, amount, false, OFFICER, at);
    }

    private void finding(AuditOrder order, String title, Severity severity, Instant at) {
        store.insertFinding(
                order,
                new be.bolwerk.audit.ordering.Finding(
                        UUID.randomUUID(),
                        title,
                        severity,
                        "Vastgesteld tijdens de audit ter plaatse.",
                        "Pak dit aan in het verbeterplan van dit jaar.",
                        UUID.nameUUIDFromBytes("demo-auditor".getBytes()),
                        at));
    }

    private void report(AuditOrder order, Instant at) {
        AuditOrder current = reload(order);
        byte[] pdf = pdf();
        current.report("auditrapport-" + current.reference() + ".pdf", pdf.length, AUDITOR, at);
        store.update(current);
        store.storeReport(current.id(), pdf);
    }

    private void complete(AuditOrder order, BudgetLineSummary line, String excl, Instant at) {
        AuditOrder current = reload(order);
        BigDecimal net = new BigDecimal(excl);
        BigDecimal vat = net.multiply(new BigDecimal("0.21")).setScale(2, java.math.RoundingMode.HALF_EVEN);
        Invoice invoice = new Invoice(
                "F" + BelgianTime.today(clock).getYear() + "-"
                        + current.reference().substring(4),
                BelgianTime.today(clock).minusDays(81),
                SUPPLIER,
                net,
                vat,
                net.add(vat));
        Settlement settlement = funding.settle(current.commitment(), invoice, AuditOrder.share(current.kind()));
        current.complete(invoice, settlement, AUDITOR, at);
        store.update(current);
    }

    private static UUID demo(int index) {
        return UUID.nameUUIDFromBytes(("bolwerk-demo-" + index).getBytes());
    }

    private static Instant days(Instant now, int ago) {
        return now.minus(Duration.ofDays(ago));
    }

    private static byte[] pdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
