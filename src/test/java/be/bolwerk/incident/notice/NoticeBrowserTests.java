package be.bolwerk.incident.notice;

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
 * The drafts in the browser: a CRT analyst marks that personal data of Gemeente Appelkerke were affected, opens the
 * authority's draft from the Meldingen tab, unticks a field and sees the preview change, downloads the text, records
 * the submission, and the obligation shows it as sent; the organisation's admin got the mail. axe-core checks each
 * page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
class NoticeBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final MovableClock clock;
    private final String marker =
            "Browsermelding " + UUID.randomUUID().toString().substring(0, 8);

    NoticeBrowserTests(
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

    private static void moment(Browsing browsing, WebElement field, LocalDateTime value) {
        ((JavascriptExecutor) browsing.driver())
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        field,
                        value.truncatedTo(ChronoUnit.MINUTES).toString());
    }

    private static void click(Browsing browsing, String button) {
        browsing.driver()
                .findElement(By.xpath("//button[normalize-space()='" + button + "']"))
                .click();
    }

    private static void waitFor(Browsing browsing, String text) {
        browsing.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    @Test
    void theAnalystDraftsTheAuthorityNotificationChoosesItsFieldsExportsAndRecordsTheSubmission() {
        Incident incident = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(),
                marker + " ransomware",
                new Actor(UUID.randomUUID(), "Ilse"),
                clock.instant().minus(Duration.ofHours(2)));
        LocalDateTime known = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(1)), BelgianTime.ZONE);
        String pages = "/incidents/" + incident.id().value();
        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs("analist@crt.invalid");
            analyst.open(pages + "/obligations");
            analyst.waitForHeading(incident.reference());
            new Select(analyst.driver().findElement(By.id("personalDataBreach"))).selectByValue("YES");
            moment(analyst, analyst.driver().findElement(By.id("personalDataKnownAt")), known);
            analyst.type("breachReason", "Rijksregisternummers in de versleutelde map");
            click(analyst, "Feiten opslaan");
            waitFor(analyst, "De feiten zijn opgeslagen");

            analyst.driver().findElement(By.linkText("Meldingen")).click();
            waitFor(analyst, "Verzekeraar");
            assertThat(analyst.mainText()).contains("Melding datalek aan de toezichthouder");
            analyst.check("notices-list");

            click(analyst, "Nieuwe melding opmaken");
            waitFor(analyst, "Melding opgemaakt uit de huidige feiten");
            WebElement preview = analyst.driver().findElement(By.cssSelector(".notice-preview"));
            assertThat(preview.getText())
                    .startsWith("TLP:AMBER")
                    .contains("Vlaamse Toezichtcommissie (VTC)")
                    .contains("Wat er gebeurde: " + marker)
                    .contains("Persoonsgegevens betrokken: Ja");
            analyst.check("notice-draft");

            analyst.atPhoneWidth();
            analyst.driver().findElement(By.id("field-WHAT_HAPPENED")).click();
            click(analyst, "Keuze opslaan");
            waitFor(analyst, "Keuze opgeslagen");
            analyst.atDesktopWidth();
            assertThat(analyst.driver()
                            .findElement(By.cssSelector(".notice-preview"))
                            .getText())
                    .doesNotContain("Wat er gebeurde")
                    .doesNotContain(marker)
                    .contains("Persoonsgegevens betrokken: Ja");
            assertThat(analyst.driver()
                            .findElement(By.id("field-WHAT_HAPPENED"))
                            .isSelected())
                    .isFalse();

            String href = analyst.driver()
                    .findElement(By.linkText("Tekst downloaden (.txt)"))
                    .getAttribute("href");
            Object text = ((JavascriptExecutor) analyst.driver())
                    .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                            href);
            assertThat((String) text)
                    .startsWith("TLP:AMBER")
                    .contains("Persoonsgegevens betrokken: Ja")
                    .doesNotContain(marker);

            moment(
                    analyst,
                    analyst.driver().findElement(By.id("submittedAt")),
                    LocalDateTime.ofInstant(clock.instant(), BelgianTime.ZONE));
            analyst.type("channel", "e-loket VTC");
            analyst.type("externalReference", "VTC-2026-0777");
            click(analyst, "Ingediend");
            waitFor(analyst, "Indiening vastgelegd");
            assertThat(analyst.mainText()).contains("Ingediende tekst").contains("SHA-256");
            assertThat(analyst.driver().findElements(By.id("field-WHAT_HAPPENED")))
                    .isEmpty();
            analyst.check("notice-submitted");

            analyst.open(pages + "/obligations");
            analyst.waitForHeading(incident.reference());
            assertThat(analyst.mainText()).contains("Verstuurd").contains("VTC-2026-0777");
            analyst.assertPagesChecked(4);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                                + " AND subject = :s")
                        .param("s", "Melding ingediend voor incident " + incident.reference())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
