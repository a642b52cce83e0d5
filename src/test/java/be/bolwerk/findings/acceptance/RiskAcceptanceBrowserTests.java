package be.bolwerk.findings.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.campaign.MovableClock;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A risk acceptance in the browser: the colleague of Gemeente Appelkerke proposes it from a finding's page (on a
 * phone-sized screen too) and sees no approve button on his own proposal; the information security officer, who
 * got the mail "to approve", approves it behind its confirmation; the daily job warns her as owner 30 days ahead;
 * the clock moves past the expiry, the job runs (twice) and the finding is open again with a new due date counted
 * from the expiry day. axe-core checks every page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
class RiskAcceptanceBrowserTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final Raising raising;
    private final Expiring expiring;
    private final MovableClock clock;
    private final String title = "Weegbrug " + UUID.randomUUID().toString().substring(0, 8);

    RiskAcceptanceBrowserTests(
            @Autowired JdbcClient jdbc,
            @Autowired Raising raising,
            @Autowired Expiring expiring,
            @Autowired MovableClock clock) {
        this.jdbc = jdbc;
        this.raising = raising;
        this.expiring = expiring;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("DELETE FROM risk_acceptance WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        jdbc.sql("DELETE FROM finding WHERE title LIKE :t")
                .param("t", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void proposedByAMemberApprovedByTheAdminExpiredByTheJobAndTheFindingReopened() {
        FindingId finding = raising.raise(
                APPELKERKE,
                new Finding.Details(title + " pc", "", Severity.HIGH, "Containerpark", "", null, null, "", false, ""),
                person("medewerker@appelkerke.invalid", OrganisationRole.MEMBER));
        LocalDate expiry = BelgianTime.today(clock).plusDays(20);
        String acceptance;
        try (Browsing marc = new Browsing(port, jdbc);
                Browsing iso = new Browsing(port, jdbc)) {
            marc.signInAs("medewerker@appelkerke.invalid");
            marc.open("/findings/" + finding);
            marc.waitForHeading(title + " pc");
            marc.driver()
                    .findElement(By.linkText("Risicoaanvaarding voorstellen"))
                    .click();
            marc.waitForHeading("Risico aanvaarden");
            assertThat(marc.driver()
                            .findElement(By.cssSelector("input[name=findings][value='" + finding + "']"))
                            .isSelected())
                    .as("the finding whose page it came from is ticked")
                    .isTrue();
            marc.check("acceptance-new");

            marc.atPhoneWidth();
            marc.type("title", title);
            new Select(marc.driver().findElement(By.id("decision"))).selectByValue("MITIGATE");
            marc.type("measures", "De pc staat in een apart netwerk zonder internet.");
            marc.type("reference", "Collegebesluit 2026/311");
            new Select(marc.driver().findElement(By.id("ownerId"))).selectByVisibleText("Ilse Appelmans");
            marc.date("expiresOn", expiry);
            marc.driver()
                    .findElement(By.xpath("//button[normalize-space()='Voorstellen']"))
                    .click();
            marc.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De risicoaanvaarding is voorgesteld"));
            marc.atDesktopWidth();
            assertThat(marc.mainText()).contains("Voorgesteld").doesNotContain("Goedkeuren");
            marc.check("acceptance-proposed");
            acceptance = marc.driver().getCurrentUrl().replaceAll(".*/findings/risk-acceptances/", "");

            iso.signInAs("iso@appelkerke.invalid");
            iso.open("/findings/risk-acceptances?status=PROPOSED");
            iso.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), title));
            iso.check("acceptance-list");
            iso.driver().findElement(By.linkText(title)).click();
            iso.waitForHeading(title);
            iso.check("acceptance-decide");
            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Goedkeuren']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Vink de bevestiging aan"));
            iso.driver().findElement(By.id("approve-confirm")).click();
            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Goedkeuren']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "goedgekeurd en actief"));
            iso.check("acceptance-active");
            iso.open("/findings/" + finding);
            iso.waitForHeading(title + " pc");
            assertThat(iso.mainText())
                    .contains("Risico aanvaard")
                    .contains("Het risico is aanvaard tot " + DAY.format(expiry));
            iso.check("finding-risk-accepted");

            // The daily job, 20 days before the expiry: the owner is warned, once.
            expiring.run();
            expiring.run();
            // Past the expiry: the job expires it and reopens the finding, also when it runs twice.
            clock.advance(Duration.ofDays(21));
            expiring.run();
            expiring.run();
            clock.reset();

            iso.open("/findings/" + finding);
            iso.waitForHeading(title + " pc");
            LocalDate due = expiry.plusDays(30);
            assertThat(iso.mainText())
                    .contains("Heropend")
                    .contains(DAY.format(expiry))
                    .contains(DAY.format(due))
                    .contains("Risicoaanvaarding beëindigd, termijn loopt opnieuw");
            iso.check("finding-reopened");
            iso.open("/findings/risk-acceptances/" + acceptance);
            iso.waitForHeading(title);
            assertThat(iso.mainText()).contains("Vervallen");
            iso.check("acceptance-expired");
            marc.assertPagesChecked(3);
            iso.assertPagesChecked(7);
        }
        assertThat(jdbc.sql("SELECT status FROM finding WHERE id = :id")
                        .param("id", finding.value())
                        .query(String.class)
                        .single())
                .isEqualTo("REOPENED");
        assertThat(mails("iso@appelkerke.invalid", "Risicoaanvaarding goed te keuren: " + title))
                .isEqualTo(1);
        assertThat(mails("medewerker@appelkerke.invalid", "Beslissing over de risicoaanvaarding: " + title))
                .isEqualTo(1);
        assertThat(mails("iso@appelkerke.invalid", "Risicoaanvaarding vervalt binnenkort: " + title))
                .isEqualTo(1);
    }

    private long mails(String recipient, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s")
                .param("r", recipient)
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    private CurrentUser person(String email, OrganisationRole role) {
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = :email")
                .param("email", email)
                .query(UUID.class)
                .single();
        return new CurrentUser(id, email, email, null, true, Set.of(), Map.of(APPELKERKE, role));
    }
}
