package be.bolwerk.incident.guest;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.identity.DemoTotp;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guest access in the browser (ADR 0043): the admin of Gemeente Appelkerke invites a response firm, the guest
 * follows the mail's link, chooses a password, enrols the authenticator app, lands on the one incident and adds a
 * timeline entry. axe-core checks each page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuestBrowserTests {

    private static final Pattern LINK = Pattern.compile("/invitation/[A-Za-z0-9_-]{43}");

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Clock clock;
    private final String marker = "Browsergast " + UUID.randomUUID().toString().substring(0, 8);
    private final String email = "gast-" + UUID.randomUUID().toString().substring(0, 8) + "@firma-ir.invalid";

    GuestBrowserTests(@Autowired JdbcClient jdbc, @Autowired IncidentFixtures fixtures, @Autowired Clock clock) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
        jdbc.sql("DELETE FROM guest_invitation WHERE email = :e")
                .param("e", email)
                .update();
    }

    @Test
    void theAdminInvitesAFirmWhoseGuestSetsUpAnAccountAndAddsATimelineEntry() {
        Incident incident = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(),
                marker + " ransomware",
                new Actor(UUID.randomUUID(), "Ilse"),
                clock.instant());
        String guests = "/incidents/" + incident.id().value() + "/guests";
        try (Browsing admin = new Browsing(port, jdbc)) {
            admin.signInAs("iso@appelkerke.invalid");
            admin.open(guests);
            admin.waitForHeading(incident.reference());
            admin.check("guests-empty");
            admin.type("email", email);
            admin.type("firm", "Firma IR");
            admin.date("lastDay", BelgianTime.today(clock).plusDays(14));
            admin.driver()
                    .findElement(By.xpath("//button[normalize-space()='Uitnodiging versturen']"))
                    .click();
            admin.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De uitnodiging is verstuurd"));
            assertThat(admin.mainText()).contains("Firma IR").contains("Uitgenodigd");
            admin.check("guests-invited");
            admin.assertPagesChecked(3);
        }

        String mail = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r")
                .param("r", email)
                .query(String.class)
                .single();
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).isTrue();

        String password = "de firma opent het dossier om acht uur";
        try (Browsing guest = new Browsing(port, jdbc)) {
            guest.open(link.group());
            guest.waitForHeading("Welkom bij Bolwerk");
            assertThat(guest.mainText()).contains("gast");
            guest.check("guest-invitation");
            guest.type("displayName", "Gert Gast");
            guest.type("password", password);
            guest.type("confirmation", password);
            guest.driver()
                    .findElement(By.xpath("//button[normalize-space()='Uitnodiging aanvaarden']"))
                    .click();
            guest.await().until(d -> d.getCurrentUrl().contains("/login"));

            guest.driver().findElement(By.id("email")).sendKeys(email);
            guest.driver().findElement(By.id("password")).sendKeys(password);
            guest.driver()
                    .findElement(By.cssSelector("form.form button[type=submit]"))
                    .click();
            guest.waitForHeading("Authenticator instellen");
            String secret =
                    guest.driver().findElement(By.cssSelector("code.secret")).getText();
            guest.driver().findElement(By.id("code")).sendKeys(DemoTotp.currentCodeOf(secret));
            guest.driver()
                    .findElement(By.cssSelector("form.form button[type=submit]"))
                    .click();
            guest.waitForHeading("Uw herstelcodes");
            guest.driver()
                    .findElement(By.linkText("Ik heb de codes bewaard, verder naar Bolwerk"))
                    .click();
            guest.waitForHeading("Uw incidenten");
            assertThat(guest.mainText()).contains(incident.reference()).contains("Firma IR");
            guest.check("guest-landing");

            guest.driver().findElement(By.linkText(incident.reference())).click();
            guest.waitForHeading(incident.reference());
            assertThat(guest.driver().findElements(By.linkText("Meldplichten"))).isEmpty();
            assertThat(guest.driver().findElements(By.linkText("Gasten"))).isEmpty();
            guest.check("guest-overview");

            guest.open("/incidents/" + incident.id().value() + "/timeline");
            guest.waitForHeading(incident.reference());
            guest.type("text", "Firma IR: versleutelde bestanden op de NAS gevonden");
            ((JavascriptExecutor) guest.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            guest.driver().findElement(By.id("occurredAt")),
                            LocalDateTime.ofInstant(clock.instant(), BelgianTime.ZONE)
                                    .minusMinutes(5)
                                    .truncatedTo(ChronoUnit.MINUTES)
                                    .toString());
            guest.driver()
                    .findElement(By.xpath("//form[@id='entry-form']//button[@type='submit']"))
                    .click();
            guest.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De vermelding is toegevoegd"));
            assertThat(guest.mainText()).contains("versleutelde bestanden op de NAS");
            guest.check("guest-timeline");
            guest.assertPagesChecked(4);
        }
    }
}
