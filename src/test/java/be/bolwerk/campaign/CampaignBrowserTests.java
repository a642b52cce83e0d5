package be.bolwerk.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.assessment.Fixtures;
import be.bolwerk.campaign.running.Reminding;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme officer runs a campaign end to end in a browser: opens it (the invitations go out), days pass on
 * a movable clock and the scheduled reminders go out, the completion overview shows who is behind and when they
 * were reminded, a reminder by hand after its preview, and an extension for one organisation, which that
 * organisation's ISO then sees. axe-core checks every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
class CampaignBrowserTests {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final MovableClock clock;
    private final Reminding reminding;

    @RegisterExtension
    final Browsing browsing = new Browsing();

    CampaignBrowserTests(@Autowired JdbcClient jdbc, @Autowired MovableClock clock, @Autowired Reminding reminding) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reminding = reminding;
    }

    private final String name =
            "Quickscan gemeenten " + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void open() {
        clock.reset();
    }

    @AfterEach
    void close() {
        clock.reset();
        jdbc.sql("DELETE FROM campaign WHERE name = :name").param("name", name).update();
    }

    @Test
    void theProgrammeOfficerRunsACampaignEndToEnd() {
        LocalDate today = BelgianTime.today(clock);
        browsing.signInAs("programma@bolwerk.invalid");
        signedIn(browsing);
        browsing.open("/campaigns");
        browsing.waitForHeading("Campagnes");
        browsing.check("campaigns");

        // Open: the municipalities, for the quick scan, a deadline eight days ahead, one reminder a week before.
        browsing.driver().findElement(By.linkText("Campagne openen")).click();
        browsing.waitForHeading("Campagne openen");
        browsing.check("campaign-form");
        browsing.type("name", name);
        new Select(browsing.driver().findElement(By.id("frameworkVersionId")))
                .selectByValue(Fixtures.builtIn(jdbc, "quickscan-actiedomeinen").toString());
        new Select(browsing.driver().findElement(By.id("invitedType"))).selectByValue("MUNICIPALITY");
        browsing.date("startsOn", today);
        browsing.date("deadline", today.plusDays(8));
        browsing.type("reminders", "7");
        browsing.driver()
                .findElement(By.cssSelector("form.form button[type=submit]"))
                .click();
        browsing.waitForHeading(name);
        assertThat(browsing.mainText()).contains("De campagne is geopend");
        browsing.check("campaign-completion");
        assertThat(mailsTo("iso@appelkerke.invalid", "Uitnodiging: " + name)).isEqualTo(1);

        // A day passes: seven days before the deadline, the scheduled reminder goes out, once.
        clock.advance(Duration.ofDays(1));
        assertThat(reminding.sendScheduled()).isPositive();
        reminding.sendScheduled();
        assertThat(mailsTo("iso@appelkerke.invalid", "Herinnering: " + name)).isEqualTo(1);
        String reminded = DATE.format(BelgianTime.today(clock));
        // Back to real time for the browser: a session lives twelve hours at most, and the authenticator's codes
        // follow the real clock.
        clock.reset();

        // The overview shows who is behind and when they were reminded.
        browsing.driver().navigate().refresh();
        browsing.waitForHeading(name);
        assertThat(browsing.mainText()).contains("Niet gestart").contains(reminded);

        // A reminder by hand: the preview says who and what, one click sends it.
        browsing.driver()
                .findElement(By.linkText("Herinnering sturen aan wie nog niet indiende"))
                .click();
        browsing.waitForHeading("Herinnering sturen");
        assertThat(browsing.mainText()).contains("iso@appelkerke.invalid").contains("Herinnering: " + name);
        browsing.check("campaign-reminder-preview");
        browsing.driver()
                .findElement(By.cssSelector("form.actions button[type=submit]"))
                .click();
        browsing.waitForHeading(name);
        assertThat(browsing.mainText()).contains("Herinnering verstuurd aan");
        browsing.check("campaign-reminded");
        assertThat(mailsTo("iso@appelkerke.invalid", "Herinnering: " + name)).isEqualTo(2);

        // An extension for Appelkerke, with its reason.
        UUID campaign = jdbc.sql("SELECT id FROM campaign WHERE name = :name")
                .param("name", name)
                .query(UUID.class)
                .single();
        browsing.open("/campaigns/" + campaign + "/organisations/" + DemoOrganisationIds.APPELKERKE + "/extension");
        browsing.waitForHeading("Deadline verlengen");
        browsing.check("campaign-extension");
        LocalDate extended = today.plusDays(30);
        browsing.date("deadline", extended);
        browsing.type("reason", "Nieuwe informatieveiligheidsconsulent");
        browsing.driver()
                .findElement(By.cssSelector("form.form button[type=submit]"))
                .click();
        browsing.waitForHeading(name);
        assertThat(browsing.mainText())
                .contains("De deadline is verlengd")
                .contains("Verlengd: Nieuwe informatieveiligheidsconsulent");
        browsing.check("campaign-extended");
        assertThat(mailsTo("iso@appelkerke.invalid", "Nieuwe deadline: " + name))
                .isEqualTo(1);
        browsing.assertPagesChecked(8);

        // The organisation's ISO sees the new deadline and why.
        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            signedIn(iso);
            iso.open("/assessments");
            iso.waitForHeading("Zelfevaluaties");
            String page = iso.driver().findElement(By.tagName("main")).getText();
            assertThat(page)
                    .contains(name)
                    .contains(DATE.format(extended))
                    .contains("Verlengd: Nieuwe informatieveiligheidsconsulent");
            iso.check("iso-assessments-with-deadline");
            iso.assertPagesChecked(2);
        }
    }

    /** Past both sign-in steps: the browser left the sign-in pages. */
    private static void signedIn(Browsing person) {
        person.await()
                .until(d -> !d.getCurrentUrl().contains("/login")
                        && !d.getCurrentUrl().contains("/mfa"));
    }

    private long mailsTo(String recipient, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s")
                .param("r", recipient)
                .param("s", subject)
                .query(Long.class)
                .single();
    }
}
