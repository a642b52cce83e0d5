package be.bolwerk.incident.support;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.TestUsers;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme officer cancels an approved emergency support that will not be invoiced, in a browser: the first try
 * without ticking the confirmation is refused with the reason kept, the second cancels it; the money is back on the
 * emergency fund, the organisation's admin sees the cancellation with its reason on the incident, the admin and the
 * CRT analyst are mailed once, and axe-core checks each page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupportCancelBrowserTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final String REASON = "De eigen ICT-dienst vond de oorzaak; de firma is niet nodig.";

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Supporting supporting;
    private final Funding funding;
    private final String marker = "Annulering " + UUID.randomUUID().toString().substring(0, 8);
    private UUID line;
    private String reference;

    SupportCancelBrowserTests(
            @Autowired JdbcClient jdbc,
            @Autowired IncidentFixtures fixtures,
            @Autowired Supporting supporting,
            @Autowired Funding funding) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.supporting = supporting;
        this.funding = funding;
    }

    @AfterEach
    void clean() {
        if (reference != null) {
            jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                    .param("s", "%" + reference + "%")
                    .update();
        }
        fixtures.removeMarked(marker);
        if (line != null) {
            jdbc.sql("DELETE FROM budget_commitment WHERE budget_line_id = :id")
                    .param("id", line)
                    .update();
            jdbc.sql("DELETE FROM budget_line WHERE id = :id").param("id", line).update();
        }
    }

    @Test
    void anApprovalThatWillNotBeInvoicedIsCancelledAndTheMoneyGoesBack() {
        CurrentUser iso = TestUsers.demo(
                jdbc, "iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        CurrentUser analyst = TestUsers.demo(jdbc, "analist@crt.invalid", Set.of(Persona.CRT_ANALYST), Map.of());
        CurrentUser officer =
                TestUsers.demo(jdbc, "programma@bolwerk.invalid", Set.of(Persona.PROGRAMME_OFFICER), Map.of());
        line = FundingFixtures.line(jdbc, "50000.00", true);
        jdbc.sql("UPDATE budget_line SET purpose = 'EMERGENCY_FUND' WHERE id = :id")
                .param("id", line)
                .update();
        IncidentId incident = fixtures.report(
                        APPELKERKE, marker + " ransomware", new Actor(iso.id(), "Ilse"), Instant.now())
                .id();
        UUID support = supporting.request(
                incident,
                new EmergencySupport.Request(
                        "Extern incidentresponsbedrijf", null, new BigDecimal("15000.00"), "Nodig"),
                iso);
        supporting.recommend(incident, support, new BigDecimal("15000.00"), "Akkoord", analyst);
        supporting.approve(support, new BudgetLineId(line), officer);
        reference = supporting.forProgramme(support, officer).reference();
        assertThat(funding.remaining(new BudgetLineId(line))).isEqualByComparingTo("35000.00");

        try (Browsing browser = new Browsing(port, jdbc)) {
            browser.signInAs("programma@bolwerk.invalid");
            browser.open("/emergency-support/" + support);
            browser.waitForHeading(reference);
            browser.check("support-approved-cancel-form");

            browser.type("reason", REASON);
            cancelButton(browser).click();
            browser.await().until(d -> browser.mainText().contains("Vink aan dat u de goedkeuring annuleert."));
            assertThat(browser.driver().findElement(By.id("reason")).getAttribute("value"))
                    .isEqualTo(REASON);
            browser.check("support-cancel-refused");

            browser.driver().findElement(By.id("confirm-cancel")).click();
            cancelButton(browser).click();
            browser.await().until(d -> browser.mainText().contains("De goedkeuring is geannuleerd"));
            assertThat(browser.mainText()).contains("Goedkeuring geannuleerd").contains(REASON);
            browser.check("support-cancelled");
            browser.assertPagesChecked(4);
        }
        assertThat(funding.remaining(new BudgetLineId(line))).isEqualByComparingTo("50000.00");

        try (Browsing admin = new Browsing(port, jdbc)) {
            admin.signInAs("iso@appelkerke.invalid");
            admin.open("/incidents/" + incident.value() + "/support");
            admin.await().until(d -> admin.mainText().contains(reference));
            assertThat(admin.mainText()).contains("Goedkeuring geannuleerd").contains(REASON);
            admin.check("support-cancelled-organisation");
        }
        String subject = "Goedkeuring van noodsteun " + reference + " geannuleerd";
        assertThat(mails("iso@appelkerke.invalid", subject)).isEqualTo(1);
        assertThat(mails("analist@crt.invalid", subject)).isEqualTo(1);
    }

    private static org.openqa.selenium.WebElement cancelButton(Browsing browser) {
        return browser.driver().findElement(By.xpath("//button[normalize-space()='Goedkeuring annuleren']"));
    }

    private long mails(String to, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", to)
                .param("subject", subject)
                .query(Long.class)
                .single();
    }
}
