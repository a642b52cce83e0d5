package be.bolwerk.incident.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in the browser: the CRT analyst opens it from the menu, sees the waiting report and an overdue
 * regulator deadline counting, the chart drawn on its canvas with the table beside it, and switches the period;
 * axe-core checks the page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Clock clock;
    private final String marker = "Dashbrowser " + UUID.randomUUID().toString().substring(0, 8);

    DashboardBrowserTests(@Autowired JdbcClient jdbc, @Autowired IncidentFixtures fixtures, @Autowired Clock clock) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
    }

    @Test
    void theAnalystOpensTheDashboardFromTheMenuAndSeesCountdownsChartAndTable() {
        Instant now = clock.instant();
        Incident incident = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(),
                marker + " melding",
                new Actor(UUID.randomUUID(), "Ilse"),
                now.minus(Duration.ofMinutes(5)));
        jdbc.sql("INSERT INTO incident_obligation (id, incident_id, organisation_id, kind, recipient, due_at, state,"
                        + " revision) VALUES (:id, :incident, :organisation, 'GDPR_NOTIFICATION', 'VTC', :due,"
                        + " 'PENDING', 0)")
                .param("id", UUID.randomUUID())
                .param("incident", incident.id().value())
                .param("organisation", DemoOrganisationIds.APPELKERKE.value())
                .param("due", now.minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC))
                .update();
        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs("analist@crt.invalid");
            analyst.open("/");
            analyst.driver()
                    .findElement(By.cssSelector("a[href='/incidents/dashboard']"))
                    .click();
            analyst.waitForHeading("Incidentdashboard");

            WebElement waiting = analyst.driver()
                    .findElement(
                            By.xpath("//table[@id='waiting-table']//tr[.//a[text()='" + incident.reference() + "']]"));
            assertThat(waiting.getText()).contains("Gemeente Appelkerke").contains("Nog niet ingedeeld");
            WebElement deadline = analyst.driver()
                    .findElement(By.xpath(
                            "//table[@id='deadlines-table']//tr[.//a[text()='" + incident.reference() + "']]"));
            assertThat(deadline.getAttribute("class")).contains("dashboard-row--late");
            assertThat(deadline.findElement(By.cssSelector(".countdown")).getText())
                    .containsPattern("[23] u \\d+ min te laat");
            // Chart.js drew on the canvas (it sizes it to its box), and the same figures are in the table.
            analyst.await()
                    .until(d ->
                            "true".equals(d.findElement(By.id("months-chart")).getAttribute("data-drawn")));
            assertThat(analyst.driver().findElements(By.cssSelector("#months-table tbody tr")))
                    .hasSize(12);
            analyst.check("incident-dashboard");

            analyst.driver().findElement(By.linkText("Laatste 90 dagen")).click();
            analyst.await().until(d -> d.getCurrentUrl().contains("period=90"));
            assertThat(analyst.driver()
                            .findElement(By.cssSelector(".incident-filter a[aria-current='page']"))
                            .getText())
                    .isEqualTo("Laatste 90 dagen");
            analyst.check("incident-dashboard-90");
            analyst.assertPagesChecked(3);
        }
    }
}
