package be.bolwerk.incident.response;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CRT analyst handles a ransomware incident of Gemeente Appelkerke in a browser: triages it (severity chosen by
 * its definition, category, lead, TLP label), sees the ransomware playbook's tasks, ticks one, contains, removes the
 * cause, recovers and closes it with outcome and impact after confirming; the organisation's ISO then reads the
 * closed incident without any of the CRT's forms. axe-core checks each page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentHandlingBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final String marker = "Browser " + UUID.randomUUID().toString().substring(0, 8);

    IncidentHandlingBrowserTests(@Autowired JdbcClient jdbc, @Autowired IncidentFixtures fixtures) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
    }

    @Test
    void theAnalystTriagesWorksAndClosesARansomwareIncidentThatTheOrganisationThenReads() {
        UUID iso = account("iso@appelkerke.invalid");
        UUID analystId = account("analist@crt.invalid");
        Incident incident = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(),
                marker + " bestanden op de fileserver versleuteld",
                new Actor(iso, "Ilse"),
                Instant.now());
        String page = "/incidents/" + incident.id() + "/handling";

        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs("analist@crt.invalid");
            analyst.open(page);
            analyst.waitForHeading(incident.reference());
            assertThat(analyst.mainText()).contains("Kritieke diensten aan burgers liggen stil");
            analyst.check("incident-handling-reported");

            analyst.driver()
                    .findElement(By.cssSelector("label[for=severity-CRITICAL]"))
                    .click();
            new Select(analyst.driver().findElement(By.id("category"))).selectByValue("RANSOMWARE");
            new Select(analyst.driver().findElement(By.id("leadAnalyst"))).selectByValue(analystId.toString());
            analyst.driver()
                    .findElement(By.cssSelector("label[for=tlp-AMBER_STRICT]"))
                    .click();
            analyst.driver()
                    .findElement(By.cssSelector("#triage button[type=submit]"))
                    .click();
            waitFor(analyst, "Het incident is beoordeeld.");
            assertThat(analyst.mainText()).contains("Losgeldbericht bewaren").contains("TLP:AMBER+STRICT");
            analyst.check("incident-handling-triaged");

            analyst.driver()
                    .findElement(By.cssSelector("#tasks form button[type=submit]"))
                    .click();
            waitFor(analyst, "De taak is gedaan.");
            assertThat(analyst.mainText()).contains("Gedaan door");

            analyst.driver()
                    .findElement(By.cssSelector("#step-CONTAINED button"))
                    .click();
            waitFor(analyst, "Het incident is ingeperkt.");
            analyst.driver()
                    .findElement(By.cssSelector("#step-ERADICATED button"))
                    .click();
            waitFor(analyst, "De oorzaak is verwijderd.");
            analyst.driver()
                    .findElement(By.cssSelector("#step-RECOVERED button"))
                    .click();
            waitFor(analyst, "De dienstverlening is hersteld.");
            analyst.check("incident-handling-recovered");

            analyst.type("close-outcome", "Fileserver teruggezet uit de offline back-up van zondag");
            analyst.type("close-impact", "Twee dagen geen loket burgerzaken");
            analyst.driver()
                    .findElement(By.cssSelector("#step-CLOSED button[type=submit]"))
                    .click();
            waitFor(analyst, "Vink aan dat u deze stap bevestigt.");
            assertThat(analyst.driver().findElement(By.id("close-outcome")).getAttribute("value"))
                    .as("the outcome is kept when the confirmation was missing")
                    .contains("offline back-up");
            analyst.driver()
                    .findElement(By.cssSelector("label[for=close-confirm]"))
                    .click();
            analyst.driver()
                    .findElement(By.cssSelector("#step-CLOSED button[type=submit]"))
                    .click();
            waitFor(analyst, "Het incident is afgesloten.");
            analyst.check("incident-handling-closed");

            // The playbooks the tasks came from, and one task's page with its removal to confirm.
            analyst.open("/incidents/playbooks");
            analyst.waitForHeading("Draaiboeken");
            assertThat(analyst.mainText()).contains("Losgeldbericht bewaren");
            analyst.check("incident-playbooks");
            analyst.driver()
                    .findElement(By.cssSelector("#playbook-RANSOMWARE a.button"))
                    .click();
            analyst.waitForHeading("Taak van een draaiboek wijzigen");
            analyst.check("incident-playbook-task");
        }

        try (Browsing organisation = new Browsing(port, jdbc)) {
            organisation.signInAs("iso@appelkerke.invalid");
            organisation.open(page);
            organisation.waitForHeading(incident.reference());
            assertThat(organisation.mainText())
                    .contains("Afgesloten")
                    .contains("Twee dagen geen loket burgerzaken")
                    .contains("Losgeldbericht bewaren");
            assertThat(organisation.driver().findElements(By.id("triage"))).isEmpty();
            assertThat(organisation.driver().findElements(By.id("steps"))).isEmpty();
            organisation.check("incident-handling-organisation");
        }

        int mails = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject LIKE :s")
                .param("r", "iso@appelkerke.invalid")
                .param("s", "%" + incident.reference() + "%")
                .query(Integer.class)
                .single();
        assertThat(mails).as("triage and four status steps").isEqualTo(5);
    }

    private static void waitFor(Browsing browsing, String text) {
        browsing.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    private UUID account(String email) {
        return jdbc.sql("SELECT id FROM user_account WHERE email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }
}
