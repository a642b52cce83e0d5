package be.bolwerk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrderStore;
import be.bolwerk.audit.ordering.AuditOrders;
import be.bolwerk.audit.ordering.Auditing;
import be.bolwerk.audit.ordering.Deciding;
import be.bolwerk.audit.ordering.Ordering;
import be.bolwerk.audit.ordering.Severity;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CompanyNumber;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.funding.Invoice;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Audit orders against the database and the real funding module: ordering (preview, eligibility, joint
 * orders), the officer's decisions with credit (in full, in part, wait-list first come first served,
 * cancelling gives credit back), the auditor's work to completion with the invoice settled on the line, who
 * sees what, the mails of each step, and two officers approving the last credit at the same moment (on
 * PostgreSQL in the PostgreSQL run).
 */
@SpringBootTest
class AuditOrderingTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();
    /** A demo municipality without audit orders in the demo data. */
    private static final UUID UNAUDITED = UUID.nameUUIDFromBytes("bolwerk-demo-150".getBytes());

    private final Ordering ordering;
    private final Deciding deciding;
    private final Auditing auditing;
    private final AuditOrders orders;
    private final AuditOrderStore store;
    private final Funding funding;
    private final JdbcClient jdbc;

    AuditOrderingTests(
            @Autowired Ordering ordering,
            @Autowired Deciding deciding,
            @Autowired Auditing auditing,
            @Autowired AuditOrders orders,
            @Autowired AuditOrderStore store,
            @Autowired Funding funding,
            @Autowired JdbcClient jdbc) {
        this.ordering = ordering;
        this.deciding = deciding;
        this.auditing = auditing;
        this.orders = orders;
        this.store = store;
        this.funding = funding;
        this.jdbc = jdbc;
    }

    private CurrentUser officer;
    private CurrentUser auditor;
    private final CurrentUser admin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);

    @BeforeEach
    void people() {
        officer = AuditFixtures.officer(jdbc);
        auditor = AuditFixtures.auditor(jdbc);
        signIn(officer);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(user));
    }

    private BudgetLineId line(String credit) {
        return new BudgetLineId(FundingFixtures.line(jdbc, credit, true));
    }

    private static Ordering.Request basic(UUID organisation, String excl, String vat) {
        return new Ordering.Request(
                organisation, null, AuditKind.BASIC, true, new BigDecimal(excl), new BigDecimal(vat));
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOf(Refusal.class).matches(r -> ((Refusal) r).is(key));
    }

    private static Auditing.Upload upload(String name, byte[] content) {
        return new Auditing.Upload(name, content.length, content, "/audits/x/report", "127.0.0.1");
    }

    @Test
    void anAdminSeesBothSharesBeforeOrderingAndTheOfficersHearOfTheOrder() {
        signIn(admin);
        Ordering.Preview preview = ordering.preview(basic(APPELKERKE, "8350.00", "1753.50"), admin);
        // 10 103,50 including VAT: two thirds = 6 735,67 (6 735,666… half-even), the organisation 3 367,83.
        assertThat(preview.quote().total()).isEqualByComparingTo("10103.50");
        assertThat(preview.parts().programme()).isEqualByComparingTo("6735.67");
        assertThat(preview.parts().organisation()).isEqualByComparingTo("3367.83");
        assertThat(preview.line()).startsWith("Basisaudits");
        AuditOrderId id = ordering.place(basic(APPELKERKE, "8350.00", "1753.50"), admin);
        AuditOrders.View view = orders.view(id, admin);
        assertThat(view.order().status()).isEqualTo(AuditStatus.REQUESTED);
        assertThat(view.order().request().coachingDay()).isTrue();
        assertThat(view.history()).extracting(s -> s.step()).containsExactly("REQUESTED");
        assertThat(AuditFixtures.mails(
                        jdbc, "programma@bolwerk.invalid", view.order().reference()))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'AUDIT_ORDER_REQUESTED'"
                                + " AND details LIKE :ref")
                        .param("ref", "%" + view.order().reference() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSupplementaryAuditNeedsACompletedBasicAudit() {
        CurrentUser unaudited = TestUsers.member(UNAUDITED, OrganisationRole.ORGANISATION_ADMIN);
        signIn(unaudited);
        Ordering.Request supplementary = new Ordering.Request(
                UNAUDITED, null, AuditKind.SUPPLEMENTARY, false, new BigDecimal("4200.00"), BigDecimal.ZERO);
        refused(() -> ordering.preview(supplementary, unaudited), Ordering.NO_BASIC);
        AuditOrder basic =
                AuditFixtures.requested(store, UNAUDITED, "Test", AuditKind.BASIC, line("10000.00"), "10.00");
        refused(() -> ordering.place(supplementary, unaudited), Ordering.NO_BASIC);
        jdbc.sql("UPDATE audit_order SET status = 'COMPLETED' WHERE id = :id")
                .param("id", basic.id().value())
                .update();
        assertThat(ordering.preview(supplementary, unaudited).parts().programme())
                .isEqualByComparingTo("2100.00");
        refused(
                () -> ordering.preview(
                        new Ordering.Request(
                                UNAUDITED,
                                null,
                                AuditKind.SUPPLEMENTARY,
                                true,
                                new BigDecimal("4200.00"),
                                BigDecimal.ZERO),
                        unaudited),
                Ordering.COACHING_BASIC_ONLY);
    }

    @Test
    void aJointOrderIsOneOfAMunicipalityAndAnOcmwThatBothSee() {
        // Demo organisations of their own (a municipality and an OCMW), so that no other test's lists show them.
        UUID municipality = UUID.nameUUIDFromBytes("bolwerk-demo-151".getBytes());
        UUID ocmw = UUID.nameUUIDFromBytes("bolwerk-demo-205".getBytes());
        CurrentUser both = AuditFixtures.adminOf(municipality, ocmw, UNAUDITED);
        signIn(both);
        Ordering.Request joint = new Ordering.Request(
                municipality, ocmw, AuditKind.BASIC, false, new BigDecimal("7500.00"), new BigDecimal("1575.00"));
        Ordering.Preview preview = ordering.preview(joint, both);
        assertThat(preview.parts().partner()).isEqualByComparingTo("1512.50");
        assertThat(preview.parts().organisation()).isEqualByComparingTo("1512.50");
        AuditOrderId id = ordering.place(joint, both);
        CurrentUser partner = TestUsers.member(ocmw, OrganisationRole.VIEWER);
        signIn(partner);
        assertThat(orders.view(id, partner).order().request().partnerName()).startsWith("OCMW ");
        assertThat(orders.search(new AuditOrders.Search("", null, null, false, 0, 100), partner)
                        .items())
                .extracting(AuditOrders.Row::id)
                .contains(id);
        signIn(both);
        // Two municipalities are no joint audit; nor is a partner one does not administer.
        refused(
                () -> ordering.preview(
                        new Ordering.Request(
                                municipality, UNAUDITED, AuditKind.BASIC, false, BigDecimal.TEN, BigDecimal.ZERO),
                        both),
                Ordering.PARTNER_INVALID);
        signIn(admin);
        refused(
                () -> ordering.preview(
                        new Ordering.Request(
                                APPELKERKE, MUNTHOVE, AuditKind.BASIC, false, BigDecimal.TEN, BigDecimal.ZERO),
                        admin),
                Ordering.PARTNER_INVALID);
        assertThatThrownBy(() -> ordering.preview(basic(MUNTHOVE, "10.00", "0.00"), admin))
                .isInstanceOf(AuditOrderNotFound.class);
    }

    @Test
    void fromApprovalToCompletionTheInvoiceIsSettledOnTheLineAndEveryoneConcernedIsMailed() throws Exception {
        BudgetLineId line = line("20000.00");
        AuditOrder order =
                AuditFixtures.requested(store, APPELKERKE, "Gemeente Appelkerke", AuditKind.BASIC, line, "9075.00");
        deciding.approve(order.id(), officer);
        assertThat(funding.remaining(line)).isEqualByComparingTo("13950.00");
        assertThat(AuditFixtures.mails(jdbc, "iso@appelkerke.invalid", order.reference()))
                .isEqualTo(1);
        refused(() -> deciding.assign(order.id(), "Onbekend kantoor", officer), Deciding.FIRM_UNKNOWN);
        deciding.assign(order.id(), AuditFixtures.FIRM, officer);
        assertThat(AuditFixtures.mails(jdbc, "auditor@auditkantoor.invalid", order.reference()))
                .isEqualTo(1);

        signIn(auditor);
        auditing.schedule(order.id(), LocalDate.now().plusDays(10), auditor);
        assertThat(AuditFixtures.mails(jdbc, "iso@appelkerke.invalid", order.reference()))
                .isEqualTo(2);
        auditing.start(order.id(), auditor);
        auditing.record(
                order.id(),
                new Auditing.FindingDraft(
                        "Geen offline back-up",
                        Severity.HIGH,
                        "Alle back-ups staan online.",
                        "Houd één kopie offline."),
                auditor);
        refused(
                () -> auditing.report(order.id(), upload("rapport.pdf", "%PDF-1.7 nep".getBytes()), auditor),
                Auditing.NOT_PDF);
        auditing.report(order.id(), upload("rapport.pdf", AuditFixtures.pdf()), auditor);
        assertThat(AuditFixtures.mails(jdbc, "programma@bolwerk.invalid", order.reference()))
                .isEqualTo(1);
        auditing.complete(
                order.id(),
                new Invoice(
                        "F2026-0042",
                        LocalDate.now(),
                        CompanyNumber.parse("0403.170.701"),
                        new BigDecimal("7500.00"),
                        new BigDecimal("1575.00"),
                        new BigDecimal("9075.00")),
                auditor);

        AuditOrders.View done = orders.view(order.id(), auditor);
        assertThat(done.order().status()).isEqualTo(AuditStatus.COMPLETED);
        assertThat(done.order().programmePaid()).isEqualByComparingTo("6050.00");
        assertThat(done.order().organisationPaid()).isEqualByComparingTo("3025.00");
        assertThat(done.history())
                .extracting(s -> s.step())
                .containsExactly(
                        "REQUESTED",
                        "APPROVED",
                        "FIRM_ASSIGNED",
                        "SCHEDULED",
                        "STARTED",
                        "FINDING",
                        "REPORTED",
                        "COMPLETED");
        assertThat(funding.line(line).orElseThrow().paid()).isEqualByComparingTo("6050.00");
        assertThat(funding.line(line).orElseThrow().committed()).isEqualByComparingTo("0.00");
        assertThat(AuditFixtures.mails(jdbc, "iso@appelkerke.invalid", order.reference()))
                .isEqualTo(4);
        assertThat(AuditFixtures.mails(jdbc, "programma@bolwerk.invalid", order.reference()))
                .isEqualTo(2);

        // The organisation reads the findings and the report; the programme office sees the money, not them.
        signIn(admin);
        assertThat(orders.view(order.id(), admin).findings())
                .extracting(f -> f.title())
                .containsExactly("Geen offline back-up");
        assertThat(orders.report(order.id(), admin).content()).startsWith("%PDF".getBytes());
        signIn(officer);
        AuditOrders.View programme = orders.view(order.id(), officer);
        assertThat(programme.findings()).isEmpty();
        assertThat(programme.findingCount()).isEqualTo(1);
        assertThatThrownBy(() -> orders.report(order.id(), officer)).isInstanceOf(AuditOrderNotFound.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'AUDIT_FINDING_RECORDED'"
                                + " AND details LIKE :ref")
                        .param("ref", "%" + order.reference() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAuditorWhoReadsEnglishGetsTheAssignmentInEnglish() {
        jdbc.sql("DELETE FROM account_preference WHERE user_account_id = :id")
                .param("id", auditor.id())
                .update();
        jdbc.sql("INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)"
                        + " VALUES (:id, 'en', TRUE, CURRENT_TIMESTAMP)")
                .param("id", auditor.id())
                .update();
        try {
            AuditOrder order = AuditFixtures.requested(
                    store, APPELKERKE, "Gemeente Appelkerke", AuditKind.BASIC, line("10000.00"), "900.00");
            deciding.approve(order.id(), officer);
            deciding.assign(order.id(), AuditFixtures.FIRM, officer);
            assertThat(jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox"
                                    + " WHERE recipient = 'auditor@auditkantoor.invalid' AND subject LIKE :ref")
                            .param("ref", "%" + order.reference() + "%")
                            .query(String.class)
                            .single())
                    .contains(
                            "New audit for " + order.reference(),
                            "gave the Basic audit " + order.reference() + " of Gemeente Appelkerke to "
                                    + AuditFixtures.FIRM);
        } finally {
            jdbc.sql("DELETE FROM account_preference WHERE user_account_id = :id")
                    .param("id", auditor.id())
                    .update();
        }
    }

    @Test
    void peopleOutsideTheOrderFindNothing() {
        AuditOrder order = AuditFixtures.requested(
                store, APPELKERKE, "Gemeente Appelkerke", AuditKind.BASIC, line("100.00"), "90.00");
        CurrentUser other = TestUsers.member(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN);
        signIn(other);
        assertThatThrownBy(() -> orders.view(order.id(), other)).isInstanceOf(AuditOrderNotFound.class);
        assertThatThrownBy(() -> deciding.cancel(order.id(), null, other)).isInstanceOf(AuditOrderNotFound.class);
        assertThat(orders.search(new AuditOrders.Search("", null, null, false, 0, 100), other)
                        .items())
                .extracting(AuditOrders.Row::id)
                .doesNotContain(order.id());
        // The auditor sees an order only once it is given to the firm.
        signIn(auditor);
        assertThatThrownBy(() -> orders.view(order.id(), auditor)).isInstanceOf(AuditOrderNotFound.class);
        CurrentUser stranger = TestUsers.persona(Persona.AUDITOR);
        signIn(stranger);
        assertThatThrownBy(() -> auditing.start(order.id(), stranger)).isInstanceOf(AuditOrderNotFound.class);
        signIn(admin);
        assertThatThrownBy(() -> deciding.approve(order.id(), admin))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aSupplementaryAuditBeyondTheCreditIsApprovedInPartWaitListedOrRefused() {
        BudgetLineId line = line("1000.00");
        // Half of 3 000,00 = 1 500,00: more than the line has.
        AuditOrder partial = AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.SUPPLEMENTARY, line, "3000.00");
        refused(() -> deciding.approve(partial.id(), officer), Deciding.CREDIT_SHORT);
        deciding.approvePartially(partial.id(), officer);
        AuditOrder approved = store.find(partial.id()).orElseThrow();
        assertThat(approved.reserved()).isEqualByComparingTo("1000.00");
        assertThat(approved.capped()).isTrue();
        assertThat(funding.remaining(line)).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql(
                                "SELECT body FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid' AND subject LIKE :ref")
                        .param("ref", "%" + partial.reference() + "%")
                        .query(String.class)
                        .single())
                .contains("gedeeltelijk goed", "€ 1.000,00", "/audits/" + partial.id());

        AuditOrder refusedOne =
                AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.SUPPLEMENTARY, line, "400.00");
        refused(() -> deciding.approvePartially(refusedOne.id(), officer), Deciding.NO_CREDIT_LEFT);
        refused(() -> deciding.refuse(refusedOne.id(), " ", officer), AuditOrder.REASON_REQUIRED);
        deciding.refuse(refusedOne.id(), "Geen krediet meer dit jaar", officer);
        assertThat(store.find(refusedOne.id()).orElseThrow().status()).isEqualTo(AuditStatus.REFUSED);
        assertThat(AuditFixtures.mails(jdbc, "iso@appelkerke.invalid", refusedOne.reference()))
                .isEqualTo(1);
        refused(() -> deciding.waitList(refusedOne.id(), officer), AuditOrder.RULE_DECIDE);
    }

    @Test
    void theWaitListIsServedFirstComeFirstServedWhenCreditReturns() {
        BudgetLineId line = line("1000.00");
        AuditOrder first = AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.SUPPLEMENTARY, line, "2000.00");
        deciding.approve(first.id(), officer);
        AuditOrder older = AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.SUPPLEMENTARY, line, "400.00");
        AuditOrder younger = AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.SUPPLEMENTARY, line, "200.00");
        deciding.waitList(older.id(), officer);
        deciding.waitList(younger.id(), officer);
        assertThat(AuditFixtures.mails(jdbc, "iso@appelkerke.invalid", older.reference()))
                .isEqualTo(1);

        // The credit comes back when the first order is cancelled: the officers hear which order waits first.
        deciding.cancel(first.id(), "Audit niet meer nodig", officer);
        assertThat(funding.remaining(line)).isEqualByComparingTo("1000.00");
        assertThat(store.find(older.id()).orElseThrow().status()).isEqualTo(AuditStatus.WAIT_LISTED);
        assertThat(AuditFixtures.mails(jdbc, "programma@bolwerk.invalid", older.reference()))
                .isEqualTo(1);

        // The younger one may not jump the queue, nor may a new request.
        refused(() -> deciding.approve(younger.id(), officer), Deciding.NOT_FIRST);
        AuditOrder newcomer = AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.SUPPLEMENTARY, line, "100.00");
        refused(() -> deciding.approve(newcomer.id(), officer), Deciding.NOT_FIRST);
        deciding.approve(older.id(), officer);
        deciding.approve(younger.id(), officer);
        assertThat(funding.remaining(line)).isEqualByComparingTo("700.00");
    }

    @Test
    void cancellingAnApprovedOrderReleasesItsCommitmentOnce() {
        BudgetLineId line = line("1000.00");
        AuditOrder order = AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.BASIC, line, "900.00");
        deciding.approve(order.id(), officer);
        assertThat(funding.remaining(line)).isEqualByComparingTo("400.00");
        signIn(admin);
        deciding.cancel(order.id(), null, admin);
        assertThat(funding.remaining(line)).isEqualByComparingTo("1000.00");
        refused(() -> deciding.cancel(order.id(), null, admin), AuditOrder.RULE_CANCEL);
        assertThat(funding.remaining(line)).isEqualByComparingTo("1000.00");
    }

    @Test
    void twoOfficersApprovingTheLastCreditEndWithOneApprovalAndOneClearRefusal() throws Exception {
        for (int round = 0; round < 3; round++) {
            BudgetLineId line = line("6050.00");
            List<AuditOrder> both = List.of(
                    AuditFixtures.requested(store, APPELKERKE, "A", AuditKind.BASIC, line, "9075.00"),
                    AuditFixtures.requested(store, MUNTHOVE, "M", AuditKind.BASIC, line, "9075.00"));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> outcomes = both.stream()
                        .map(order -> pool.submit((Callable<String>) () -> {
                            CurrentUser another = AuditFixtures.officer(jdbc);
                            SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(another));
                            start.await(10, TimeUnit.SECONDS);
                            try {
                                deciding.approve(order.id(), another);
                                return "approved";
                            } catch (Refusal refused) {
                                return refused.messageKey();
                            } finally {
                                SecurityContextHolder.clearContext();
                            }
                        }))
                        .toList();
                assertThat(List.of(
                                outcomes.get(0).get(60, TimeUnit.SECONDS),
                                outcomes.get(1).get(60, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder("approved", Funding.CREDIT_INSUFFICIENT);
            } finally {
                pool.shutdownNow();
            }
            assertThat(funding.remaining(line)).isEqualByComparingTo("0.00");
            assertThat(both.stream().map(o -> store.find(o.id()).orElseThrow().status()))
                    .containsExactlyInAnyOrder(AuditStatus.APPROVED, AuditStatus.REQUESTED);
        }
    }
}
