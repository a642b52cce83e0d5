package be.bolwerk.incident.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.campaign.MovableClock;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The obligations in the browser: a CRT analyst marks that personal data of Gemeente Appelkerke were affected an
 * hour ago, sees the 72-hour notification to the Vlaamse Toezichtcommissie counting down, records its submission;
 * the organisation's admin got the mail that the clock started. axe-core checks each page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
class IncidentObligationsBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final MovableClock clock;
    private final String marker =
            "Browserplicht " + UUID.randomUUID().toString().substring(0, 8);

    IncidentObligationsBrowserTests(
            @Autowired JdbcClient jdbc, @Autowired IncidentFixtures fixtures, @Autowired MovableClock clock) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        clock.reset();
        fixtures.removeMarked(marker);
    }

    private static void moment(Browsing browsing, String id, LocalDateTime value) {
        WebElement field = browsing.driver().findElement(By.id(id));
        String text = value.truncatedTo(ChronoUnit.MINUTES).toString();
        ((JavascriptExecutor) browsing.driver()).executeScript("arguments[0].value = arguments[1]", field, text);
    }

    @Test
    void theAnalystMarksPersonalDataAffectedSeesTheVtcCountdownAndRecordsTheSubmission() {
        Incident incident = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(),
                marker + " ransomware",
                new Actor(UUID.randomUUID(), "Ilse"),
                clock.instant().minus(Duration.ofHours(2)));
        LocalDateTime known = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(1)), BelgianTime.ZONE);
        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs("analist@crt.invalid");
            analyst.open("/incidents/" + incident.id().value() + "/obligations");
            analyst.waitForHeading(incident.reference());
            assertThat(analyst.mainText()).contains("Nog geen meldplichten");
            analyst.check("obligations-empty");

            new Select(analyst.driver().findElement(By.id("personalDataBreach"))).selectByValue("YES");
            moment(analyst, "personalDataKnownAt", known);
            analyst.type("breachReason", "Rijksregisternummers van inwoners in de versleutelde map");
            analyst.driver()
                    .findElement(By.xpath("//button[normalize-space()='Feiten opslaan']"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De feiten zijn opgeslagen"));
            assertThat(analyst.mainText())
                    .contains("Vlaamse Toezichtcommissie (VTC)")
                    .containsPattern("nog 2 d 2[23] u")
                    .contains("de wet noemt geen aantal uren");
            analyst.check("obligations-gdpr");

            analyst.atPhoneWidth();
            WebElement obligation = analyst.driver().findElement(By.cssSelector(".obligation"));
            obligation.findElement(By.tagName("summary")).click();
            WebElement when = obligation.findElement(By.cssSelector("input[type=datetime-local]"));
            ((JavascriptExecutor) analyst.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            when,
                            LocalDateTime.ofInstant(clock.instant(), BelgianTime.ZONE)
                                    .truncatedTo(ChronoUnit.MINUTES)
                                    .toString());
            obligation.findElement(By.cssSelector("input[name=channel]")).sendKeys("e-loket VTC");
            obligation
                    .findElement(By.cssSelector("input[name=externalReference]"))
                    .sendKeys("VTC-2026-0042");
            obligation
                    .findElement(By.xpath(".//button[normalize-space()='Indiening opslaan']"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De indiening is vastgelegd"));
            analyst.atDesktopWidth();
            assertThat(analyst.mainText()).contains("Verstuurd").contains("VTC-2026-0042");
            analyst.check("obligations-submitted");
            analyst.assertPagesChecked(4);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                                + " AND subject = :s")
                        .param("s", "Meldplicht voor incident " + incident.reference())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
