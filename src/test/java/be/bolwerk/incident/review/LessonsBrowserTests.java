package be.bolwerk.incident.review;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of an incident in the browser: the CRT analyst writes the root cause and a lesson of a recovered
 * incident, the organisation's admin is mailed, takes the lesson into the improvement plan and finds it there as a
 * finding that links back. axe-core checks each page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LessonsBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final String marker = "Lesbrowser " + UUID.randomUUID().toString().substring(0, 8);

    LessonsBrowserTests(@Autowired JdbcClient jdbc, @Autowired IncidentFixtures fixtures) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
        fixtures.removeMarked(marker);
    }

    @Test
    void theCrtRecordsALessonAndTheOrganisationTakesItIntoItsImprovementPlan() {
        IncidentId incident = fixtures.report(
                        DemoOrganisationIds.APPELKERKE.value(),
                        marker + " ransomware op de bestandsserver",
                        new Actor(UUID.randomUUID(), "Ilse Veiligheid"),
                        Instant.now().minus(4, ChronoUnit.DAYS))
                .id();
        jdbc.sql("UPDATE incident SET status = 'RECOVERED' WHERE id = :id")
                .param("id", incident.value())
                .update();
        String lesson = marker + " Back-ups offline bewaren";
        String page = "/incidents/" + incident + "/lessons";

        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs("analist@crt.invalid");
            analyst.open(page);
            analyst.waitForHeading("INC-");
            analyst.type("rootCause", "Een VPN-server zonder updates en zonder tweede factor.");
            analyst.driver()
                    .findElement(By.cssSelector("#cause-heading ~ form button"))
                    .click();
            analyst.await().until(d -> analyst.mainText().contains("De hoofdoorzaak is opgeslagen."));
            analyst.type("title", lesson);
            analyst.type("detail", "De back-ups stonden op een share die mee versleuteld werd.");
            new Select(analyst.driver().findElement(By.id("priority"))).selectByValue("HIGH");
            analyst.driver()
                    .findElement(By.cssSelector("#lessons-heading ~ form button"))
                    .click();
            analyst.await().until(d -> analyst.mainText().contains("De les is genoteerd."));
            assertThat(analyst.mainText()).contains(lesson, "Een VPN-server zonder updates");
            analyst.check("incident-lessons-crt");
        }
        String reference = jdbc.sql("SELECT reference FROM incident WHERE id = :id")
                .param("id", incident.value())
                .query(String.class)
                .single();
        assertThat(mails("iso@appelkerke.invalid", "Een les uit incident " + reference))
                .isEqualTo(1);

        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            iso.open(page);
            iso.waitForHeading(reference);
            assertThat(iso.driver().findElements(By.id("title")))
                    .as("no lesson form for the organisation")
                    .isEmpty();
            iso.check("incident-lessons-organisation");
            iso.driver()
                    .findElement(
                            By.cssSelector("button[aria-label='Les \"" + lesson + "\" opnemen in het verbeterplan']"))
                    .click();
            iso.await().until(d -> iso.mainText().contains("De les staat nu als bevinding in het verbeterplan"));
            assertThat(iso.mainText()).contains("In het verbeterplan opgenomen door");
            iso.check("incident-lessons-adopted");
            // The register takes the lesson over right after the commit; the list shows it once it is there.
            iso.await().until(d -> {
                iso.open("/findings?q=" + marker.replace(' ', '+'));
                return iso.mainText().contains(lesson);
            });
            assertThat(mails("iso@appelkerke.invalid", "Nieuwe bevinding: " + lesson))
                    .isEqualTo(1);
        }
    }

    private long mails(String to, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", to)
                .param("subject", subject)
                .query(Long.class)
                .single();
    }
}
