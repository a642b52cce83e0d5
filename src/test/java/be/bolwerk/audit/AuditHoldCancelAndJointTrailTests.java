package be.bolwerk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.audit.ordering.AuditOrderStore;
import be.bolwerk.audit.ordering.Deciding;
import be.bolwerk.audit.ordering.Ordering;
import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditLog;
import be.bolwerk.audittrail.chain.AuditSearch;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A joint order of a municipality and an OCMW, given to the demo firm: putting it on hold, resuming it and
 * cancelling it mails the admins of both organisations and the firm's auditors (a cancellation the programme
 * officers too), each in their language; and every step of the joint order is in both organisations' audit
 * trail, in no other organisation's.
 */
@SpringBootTest
class AuditHoldCancelAndJointTrailTests {

    /*
     * A demo municipality and a demo OCMW of their own, with admins of their own: the tenant-isolation test's
     * intruder (Appelkerke) and victim (OCMW Munthove) must not be joined by an order of this test.
     */
    private static final UUID MUNICIPALITY = UUID.nameUUIDFromBytes("bolwerk-demo-152".getBytes());
    private static final UUID OCMW = UUID.nameUUIDFromBytes("bolwerk-demo-207".getBytes());
    /** A demo municipality that has nothing to do with the joint order. */
    private static final UUID THIRD = UUID.nameUUIDFromBytes("bolwerk-demo-153".getBytes());

    private static final String AUDITOR = "auditor@auditkantoor.invalid";
    private static final String OFFICER = "programma@bolwerk.invalid";

    private final Ordering ordering;
    private final Deciding deciding;
    private final AuditOrderStore store;
    private final AuditLog log;
    private final JdbcClient jdbc;
    private final TestAccounts accounts;

    AuditHoldCancelAndJointTrailTests(
            @Autowired Ordering ordering,
            @Autowired Deciding deciding,
            @Autowired AuditOrderStore store,
            @Autowired AuditLog log,
            @Autowired JdbcClient jdbc,
            @Autowired TestAccounts accounts) {
        this.ordering = ordering;
        this.deciding = deciding;
        this.store = store;
        this.log = log;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    private final CurrentUser bothAdmin = AuditFixtures.adminOf(MUNICIPALITY, OCMW);
    private CurrentUser officer;
    private UUID auditorId;

    private String municipalityAdmin;
    private String ocmwAdmin;

    @BeforeEach
    void people() {
        officer = AuditFixtures.officer(jdbc);
        auditorId = AuditFixtures.auditor(jdbc).id();
        municipalityAdmin = admin(MUNICIPALITY);
        ocmwAdmin = admin(OCMW);
    }

    /** A fresh admin of the organisation, who receives the organisation's mails; their address. */
    private String admin(UUID organisation) {
        UserAccount admin = accounts.unsaved("joint", "Beheerder", "niet-gebruikt-wachtwoord");
        admin.join(organisation, OrganisationRole.ORGANISATION_ADMIN, Instant.now());
        return accounts.save(admin).email();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        jdbc.sql("DELETE FROM account_preference WHERE user_account_id = :id")
                .param("id", auditorId)
                .update();
    }

    private static void signIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(user));
    }

    /** A joint order placed by an admin of both, approved on a line of its own and given to the demo firm. */
    private String jointOrderAtTheFirm(AuditOrderId[] id) {
        signIn(bothAdmin);
        id[0] = ordering.place(
                new Ordering.Request(
                        MUNICIPALITY, OCMW, AuditKind.BASIC, false, new BigDecimal("7500.00"), BigDecimal.ZERO),
                bothAdmin);
        // On a line of its own, so that the demo line's credit is not this test's concern.
        jdbc.sql("UPDATE audit_order SET budget_line_id = :line WHERE id = :id")
                .param("line", FundingFixtures.line(jdbc, "1000000.00", true))
                .param("id", id[0].value())
                .update();
        signIn(officer);
        deciding.approve(id[0], officer);
        deciding.assign(id[0], AuditFixtures.FIRM, officer);
        return store.find(id[0]).orElseThrow().reference();
    }

    @Test
    void aHoldAndItsResumptionAreMailedToBothOrganisationsAndTheFirmEachInTheirLanguage() {
        jdbc.sql("INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)"
                        + " VALUES (:id, 'en', TRUE, CURRENT_TIMESTAMP)")
                .param("id", auditorId)
                .update();
        AuditOrderId[] id = new AuditOrderId[1];
        String reference = jointOrderAtTheFirm(id);

        deciding.hold(id[0], "Wacht op de nieuwe begroting", officer);
        String held = "Audit " + reference + " on hold";
        assertThat(mail(municipalityAdmin, held))
                .contains("De programmaleiding zette de audit " + reference, "Reden: Wacht op de nieuwe begroting")
                .contains("/audits/" + id[0].value());
        assertThat(mail(ocmwAdmin, held)).contains("Reden: Wacht op de nieuwe begroting");
        assertThat(mail(AUDITOR, held))
                .as("the auditor reads English")
                .contains("The programme office put the audit " + reference, "Reason: Wacht op de nieuwe begroting");
        assertThat(jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = :to")
                        .param("to", OFFICER)
                        .query(String.class)
                        .list())
                .as("the officer put it on hold")
                .doesNotContain(held);

        deciding.resume(id[0], officer);
        assertThat(mail(municipalityAdmin, "Audit " + reference + " hervat"))
                .contains("De audit staat weer op: Goedgekeurd.");
        assertThat(mail(ocmwAdmin, "Audit " + reference + " hervat")).contains("Goedgekeurd");
        assertThat(mail(AUDITOR, "Audit " + reference + " resumed")).contains("Its status is again: Approved.");
    }

    @Test
    void cancellingTellsBothOrganisationsTheFirmAndTheOfficers() {
        AuditOrderId[] id = new AuditOrderId[1];
        String reference = jointOrderAtTheFirm(id);
        signIn(bothAdmin);
        deciding.cancel(id[0], "Dubbel besteld", bothAdmin);

        String cancelled = "Audit " + reference + " geannuleerd";
        for (String to : List.of(municipalityAdmin, ocmwAdmin, AUDITOR, OFFICER)) {
            assertThat(mail(to, cancelled)).as(to).contains("De audit " + reference, "Reden: Dubbel besteld");
        }
        assertThat(store.find(id[0]).orElseThrow().status()).isEqualTo(AuditStatus.CANCELLED);
    }

    @Test
    void everyStepOfAJointOrderIsInBothOrganisationsTrailsAndInNoOtherOne() {
        AuditOrderId[] id = new AuditOrderId[1];
        String reference = jointOrderAtTheFirm(id);
        deciding.hold(id[0], "Even wachten", officer);

        for (String type : List.of("AUDIT_ORDER_REQUESTED", "AUDIT_ORDER_APPROVED", "AUDIT_FIRM_ASSIGNED")) {
            assertThat(jdbc.sql(
                                    "SELECT organisation_id FROM audit_event WHERE event_type = :type AND details LIKE :ref")
                            .param("type", type)
                            .param("ref", "%" + reference + "%")
                            .query(UUID.class)
                            .list())
                    .as(type)
                    .containsExactlyInAnyOrder(MUNICIPALITY, OCMW);
        }
        assertThat(heldRowsOf(OCMW, reference)).as("the partner's trail").hasSize(1);
        assertThat(heldRowsOf(MUNICIPALITY, reference))
                .as("the ordering organisation's trail")
                .hasSize(1);
        assertThat(heldRowsOf(THIRD, reference))
                .as("another organisation's trail")
                .isEmpty();
    }

    /** The trail as it is read for one organisation: the rows about the order's hold. */
    private List<String> heldRowsOf(UUID organisation, String reference) {
        return log
                .search(new AuditSearch("", AuditEventType.AUDIT_ORDER_HELD, List.of(organisation), null, null, 0, 200))
                .items()
                .stream()
                .map(e -> e.details())
                .filter(d -> d.contains(reference))
                .toList();
    }

    private String mail(String to, String subject) {
        return AuditFixtures.mail(jdbc, to, subject);
    }
}
