package be.bolwerk.incident.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CompanyNumber;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Settlement;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Emergency support (ADR 0041) with the real funding module: the admin asks, the CRT recommends at most what was
 * asked, the programme approves from an emergency-fund line (never another purpose, never beyond its credit) and
 * pays at most the approved amount from the invoice; each step only by its own people, each once; the steps mail
 * the people they concern.
 */
@SpringBootTest
class SupportingTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final Supporting supporting;
    private final Funding funding;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final String marker = "Noodsteun " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser member;
    private CurrentUser analyst;
    private CurrentUser officer;
    private CurrentUser stranger;
    private IncidentId incident;
    private UUID emergencyLine;

    SupportingTests(
            @Autowired Supporting supporting,
            @Autowired Funding funding,
            @Autowired IncidentFixtures fixtures,
            @Autowired JdbcClient jdbc) {
        this.supporting = supporting;
        this.funding = funding;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        iso = TestUsers.demo(
                jdbc, "iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        member = TestUsers.demo(
                jdbc, "medewerker@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.MEMBER));
        analyst = TestUsers.demo(jdbc, "analist@crt.invalid", Set.of(Persona.CRT_ANALYST), Map.of());
        officer = TestUsers.demo(jdbc, "programma@bolwerk.invalid", Set.of(Persona.PROGRAMME_OFFICER), Map.of());
        stranger = TestUsers.demo(
                jdbc, "iso@munthove.invalid", Set.of(), Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        incident = fixtures.report(APPELKERKE, marker + " ransomware", new Actor(iso.id(), "Ilse"), Instant.now())
                .id();
        emergencyLine = FundingFixtures.line(jdbc, "30000.00", true);
        jdbc.sql("UPDATE budget_line SET purpose = 'EMERGENCY_FUND' WHERE id = :id")
                .param("id", emergencyLine)
                .update();
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
        jdbc.sql("DELETE FROM budget_commitment WHERE budget_line_id = :id")
                .param("id", emergencyLine)
                .update();
        jdbc.sql("DELETE FROM budget_line WHERE id = :id")
                .param("id", emergencyLine)
                .update();
    }

    @Test
    void askedRecommendedLowerApprovedAndPaidAtMostTheApprovedAmount() {
        UUID support = supporting.request(incident, request("25000,00"), iso);
        assertThat(mails("analist@crt.invalid", "Noodsteun gevraagd: " + reference(support)))
                .isEqualTo(1);

        assertThatThrownBy(
                        () -> supporting.recommend(incident, support, new BigDecimal("26000.00"), "Te veel", analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.MORE_THAN_ASKED));
        supporting.recommend(incident, support, new BigDecimal("20000.00"), "Nodig voor forensisch onderzoek", analyst);
        assertThat(mails("programma@bolwerk.invalid", "Advies over noodsteun " + reference(support)))
                .isEqualTo(1);
        assertThat(mails("iso@appelkerke.invalid", "Advies over noodsteun " + reference(support)))
                .isEqualTo(1);

        supporting.approve(support, new BudgetLineId(emergencyLine), officer);
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("10000.00");
        assertThat(mails("iso@appelkerke.invalid", "Beslissing over noodsteun " + reference(support)))
                .isEqualTo(1);

        Settlement settlement = supporting.pay(
                support,
                new Invoice(
                        "IR-2026-17",
                        LocalDate.now(),
                        CompanyNumber.parse("0203.201.340"),
                        new BigDecimal("20661.16"),
                        new BigDecimal("4338.84"),
                        new BigDecimal("25000.00")),
                officer);
        assertThat(settlement.programmeShare()).isEqualByComparingTo("20000.00");
        assertThat(settlement.organisationShare()).isEqualByComparingTo("5000.00");
        EmergencySupport paid = supporting.forProgramme(support, officer);
        assertThat(paid.status()).isEqualTo(SupportStatus.PAID);
        assertThat(paid.programmePaid()).isEqualByComparingTo("20000.00");
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("10000.00");
        assertThat(mails("iso@appelkerke.invalid", "Noodsteun " + reference(support) + " betaald"))
                .isEqualTo(1);
    }

    @Test
    void eachStepIsForItsOwnPeopleAndAnotherOrganisationFindsNothing() {
        assertThatThrownBy(() -> supporting.request(incident, request("1000"), member))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supporting.request(incident, request("1000"), stranger))
                .isInstanceOf(IncidentNotFound.class);
        UUID support = supporting.request(incident, request("1000"), iso);
        assertThatThrownBy(() -> supporting.recommend(incident, support, new BigDecimal("1000"), "Ja", iso))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supporting.approve(support, new BudgetLineId(emergencyLine), analyst))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supporting.approve(support, new BudgetLineId(emergencyLine), iso))
                .isInstanceOf(IncidentNotFound.class);
        assertThatThrownBy(() -> supporting.forProgramme(support, stranger)).isInstanceOf(IncidentNotFound.class);
        assertThatThrownBy(() -> supporting.withdraw(incident, support, stranger))
                .isInstanceOf(IncidentNotFound.class);
        // The programme may not approve before the CRT recommended it.
        assertThatThrownBy(() -> supporting.approve(support, new BudgetLineId(emergencyLine), officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.STATE));
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("30000.00");
    }

    @Test
    void aLineThatCannotCoverItOrIsNoEmergencyFundRefusesAndNothingIsCommitted() {
        UUID support = supporting.request(incident, request("40000"), iso);
        supporting.recommend(incident, support, new BigDecimal("40000"), "Zware aanval", analyst);
        assertThatThrownBy(() -> supporting.approve(support, new BudgetLineId(emergencyLine), officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Funding.CREDIT_INSUFFICIENT));
        UUID auditLine = FundingFixtures.line(jdbc, "900000.00", true);
        try {
            assertThatThrownBy(() -> supporting.approve(support, new BudgetLineId(auditLine), officer))
                    .isInstanceOfSatisfying(
                            Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Supporting.NOT_EMERGENCY_LINE));
        } finally {
            jdbc.sql("DELETE FROM budget_line WHERE id = :id")
                    .param("id", auditLine)
                    .update();
        }
        assertThat(supporting.forProgramme(support, officer).status()).isEqualTo(SupportStatus.RECOMMENDED);
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("30000.00");
    }

    @Test
    void advisedAgainstCanOnlyBeRejectedAndAWithdrawnRequestMovesNoMore() {
        UUID support = supporting.request(incident, request("5000"), iso);
        supporting.adviseAgainst(incident, support, "De verzekeraar dekt dit", analyst);
        assertThatThrownBy(() -> supporting.approve(support, new BudgetLineId(emergencyLine), officer))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> supporting.reject(support, " ", officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.REASON_REQUIRED));
        supporting.reject(support, "Gedekt door de cyberverzekering", officer);
        assertThat(supporting.forProgramme(support, analyst).decisionReason())
                .isEqualTo("Gedekt door de cyberverzekering");

        UUID second = supporting.request(incident, request("3000"), iso);
        supporting.withdraw(incident, second, iso);
        assertThatThrownBy(() -> supporting.recommend(incident, second, new BigDecimal("3000"), "Ja", analyst))
                .isInstanceOf(Refusal.class);
        assertThat(mails("analist@crt.invalid", "Noodsteun " + reference(second) + " ingetrokken"))
                .isEqualTo(1);
    }

    /**
     * An approval that will not be invoiced is cancelled with a reason: the commitment goes back to the emergency
     * fund, the approval stays on record, the organisation's admins and the CRT are mailed, and nothing moves after.
     */
    @Test
    void aCancelledApprovalGivesTheMoneyBackAndMovesNoMore() {
        UUID support = supporting.request(incident, request("12000"), iso);
        supporting.recommend(incident, support, new BigDecimal("12000"), "Nodig", analyst);
        assertThatThrownBy(() -> supporting.cancel(support, "Nog niet goedgekeurd", officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.STATE));
        supporting.approve(support, new BudgetLineId(emergencyLine), officer);
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("18000.00");

        assertThatThrownBy(() -> supporting.cancel(support, "Geen firma nodig", analyst))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> supporting.cancel(support, "Geen firma nodig", iso))
                .isInstanceOf(IncidentNotFound.class);
        assertThatThrownBy(() -> supporting.cancel(support, "  ", officer))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.CANCEL_REASON_REQUIRED));
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("18000.00");

        supporting.cancel(support, "De eigen ICT-dienst vond de oorzaak zonder firma", officer);

        EmergencySupport cancelled = supporting.forProgramme(support, officer);
        assertThat(cancelled.status()).isEqualTo(SupportStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("De eigen ICT-dienst vond de oorzaak zonder firma");
        assertThat(cancelled.canceller().id()).isEqualTo(officer.id());
        assertThat(cancelled.decider().id()).as("the approval stays on record").isEqualTo(officer.id());
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("30000.00");
        String subject = "Goedkeuring van noodsteun " + reference(support) + " geannuleerd";
        assertThat(mails("iso@appelkerke.invalid", subject)).isEqualTo(1);
        assertThat(mails("analist@crt.invalid", subject)).isEqualTo(1);
        assertThatThrownBy(() -> supporting.cancel(support, "Nogmaals", officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.STATE));
        assertThatThrownBy(() -> supporting.pay(
                        support,
                        new Invoice(
                                "IR-2026-18",
                                LocalDate.now(),
                                CompanyNumber.parse("0203.201.340"),
                                new BigDecimal("1000.00"),
                                new BigDecimal("210.00"),
                                new BigDecimal("1210.00")),
                        officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EmergencySupport.STATE));
        assertThat(funding.remaining(new BudgetLineId(emergencyLine))).isEqualByComparingTo("30000.00");
    }

    private EmergencySupport.Request request(String amount) {
        return new EmergencySupport.Request(
                "Extern incidentresponsbedrijf",
                "Forensics BV",
                be.bolwerk.funding.Money.parse(amount),
                "Onze ICT-dienst kan de aanval niet alleen onderzoeken.");
    }

    private String reference(UUID support) {
        return jdbc.sql("SELECT reference FROM emergency_support WHERE id = :id")
                .param("id", support)
                .query(String.class)
                .single();
    }

    private long mails(String to, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", to)
                .param("subject", subject)
                .query(Long.class)
                .single();
    }
}
