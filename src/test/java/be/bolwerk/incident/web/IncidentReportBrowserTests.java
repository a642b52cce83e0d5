package be.bolwerk.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.intake.Reporting;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intake in a browser: (a) a member of Gemeente Appelkerke reports a ransomware incident on a phone with
 * JavaScript off and gets the reference; the reporter, the organisation's admin and the CRT on call are mailed;
 * (b) the CRT analyst's queue shows a report that arrives while it is open, without a reload, and announces it.
 * axe-core checks every page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentReportBrowserTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    @RegisterExtension
    final Browsing browsing = new Browsing();

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Reporting reporting;
    private final Clock clock;
    private final String marker =
            "Browsermelding " + UUID.randomUUID().toString().substring(0, 8);

    IncidentReportBrowserTests(
            @Autowired JdbcClient jdbc,
            @Autowired IncidentFixtures fixtures,
            @Autowired Reporting reporting,
            @Autowired Clock clock) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.reporting = reporting;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        for (String reference : references()) {
            jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                    .param("s", "%" + reference + "%")
                    .update();
        }
        fixtures.removeMarked(marker);
    }

    @Test
    void aMemberReportsRansomwareOnAPhoneWithoutJavaScriptAndGetsTheReference() {
        browsing.signInAs("medewerker@appelkerke.invalid");
        browsing.open("/incidents/new");
        browsing.waitForHeading("Incident melden");
        browsing.check("incident-report-form");

        browsing.atPhoneWidth();
        scripts(false);
        browsing.open("/incidents/new");
        browsing.waitForHeading("Incident melden");
        browsing.type("whatHappened", marker + " bestanden versleuteld, losgeldbericht op het scherm");
        click("ongoing1");
        click("personalData3");
        click("citizensAffected1");
        click("ransomware1");
        click("ransomNote1");
        click("systemsIsolated2");
        browsing.type("callbackPhone", "+32 50 12 34 56");
        browsing.driver()
                .findElement(By.cssSelector("form.incident-report button[type=submit]"))
                .click();
        browsing.waitForHeading("Melding ontvangen");
        // The answer to the form is the acknowledgement itself (ADR 0048); without script it stays at the form's
        // address.
        assertThat(browsing.driver().getCurrentUrl()).endsWith("/incidents/new");
        String reference = references().get(0);
        assertThat(browsing.mainText())
                .contains("Uw melding is ontvangen. Uw referentie is " + reference)
                .contains("Het CRT belt u terug op +32 50 12 34 56")
                .contains("Betaal geen losgeld");
        assertThat(recipients(reference))
                .contains("medewerker@appelkerke.invalid", "iso@appelkerke.invalid", "wacht@crt.invalid");

        // With script, the same answer moves to its own address: a reload asks for that page and sends nothing.
        scripts(true);
        browsing.atDesktopWidth();
        browsing.open("/incidents/new");
        browsing.waitForHeading("Incident melden");
        browsing.type("whatHappened", marker + " tweede melding, met script");
        click("ongoing2");
        click("personalData3");
        click("citizensAffected2");
        browsing.driver()
                .findElement(By.cssSelector("form.incident-report button[type=submit]"))
                .click();
        browsing.await().until(d -> d.getCurrentUrl().endsWith("/received"));
        String second = references().stream()
                .filter(r -> !r.equals(reference))
                .findFirst()
                .orElseThrow();
        // Were the reload to send the form again, its key (changed here behind its back) would store a third report.
        jdbc.sql("UPDATE incident SET submission_key = :key WHERE reference = :reference")
                .param("key", UUID.randomUUID())
                .param("reference", second)
                .update();
        browsing.driver().navigate().refresh();
        browsing.waitForHeading("Melding ontvangen");
        browsing.check("incident-received");
        assertThat(references()).hasSize(2);
        assertThat(browsing.mainText()).contains("Uw referentie is " + second);
        browsing.driver().findElement(By.linkText("Uw melding bekijken")).click();
        browsing.waitForHeading(second);
        assertThat(browsing.mainText()).contains(marker + " tweede melding");
        assertThat(recipients(second)).containsOnlyOnce("medewerker@appelkerke.invalid");
        browsing.assertPagesChecked(3);
    }

    @Test
    void theQueueShowsANewReportWithoutAReload() {
        browsing.signInAs("analist@crt.invalid");
        browsing.open("/incidents");
        browsing.waitForHeading("Wachtrij van het CRT");
        browsing.check("incident-queue");
        ((JavascriptExecutor) browsing.driver()).executeScript("window.bolwerkNotReloaded = true");

        Incident arrived = reporting
                .report(
                        APPELKERKE,
                        IncidentFixtures.ransomware(marker + " nieuw in de wachtrij", clock.instant()),
                        ReportChannel.FORM,
                        UUID.randomUUID(),
                        member())
                .incident();

        // The poll replaces the results and the news, so an element found a moment ago may be gone when it is read.
        WebDriverWait poll = new WebDriverWait(browsing.driver(), Duration.ofSeconds(40));
        poll.ignoring(StaleElementReferenceException.class);
        poll.until(d -> d.findElement(By.id("incident-results")).getText().contains(arrived.reference()));
        poll.until(d -> d.findElement(By.id("incident-news")).getText().contains(arrived.reference()));
        assertThat(((JavascriptExecutor) browsing.driver()).executeScript("return window.bolwerkNotReloaded"))
                .as("the page was not reloaded")
                .isEqualTo(true);
        browsing.check("incident-queue-refreshed");
        browsing.assertPagesChecked(3);
    }

    private void scripts(boolean on) {
        ((ChromeDriver) browsing.driver())
                .executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    private void click(String id) {
        browsing.driver().findElement(By.id(id)).click();
    }

    private CurrentUser member() {
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = 'medewerker@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        return new CurrentUser(
                id,
                "medewerker@appelkerke.invalid",
                "Medewerker",
                null,
                true,
                Set.of(),
                Map.of(APPELKERKE, OrganisationRole.MEMBER));
    }

    private List<String> references() {
        return jdbc.sql("SELECT reference FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .query(String.class)
                .list();
    }

    private List<String> recipients(String reference) {
        return jdbc.sql("SELECT recipient FROM mail_outbox WHERE subject LIKE :s")
                .param("s", "%" + reference + "%")
                .query(String.class)
                .list();
    }
}
