package be.bolwerk.incident.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.evidence.EvidenceFile;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The timeline of a ransomware incident of Gemeente Appelkerke walked in a browser: the ISO adds an observation; the
 * CRT analyst sends the organisation a message (which the ISO gets by mail), corrects the ISO's observation (the
 * original stays, marked as corrected), marks the file server compromised (the timeline tells it), adds the
 * attacker's IP address and uploads the firewall log, whose SHA-256 the page shows. axe-core checks the page at
 * desktop and phone width; it never scrolls sideways at 390 or 320 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentTimelineBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures incidents;
    private final String marker =
            "Browsertijdlijn " + UUID.randomUUID().toString().substring(0, 8);
    private Incident incident;
    private Path log;

    IncidentTimelineBrowserTests(@Autowired JdbcClient jdbc, @Autowired IncidentFixtures incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    @AfterEach
    void clean() throws IOException {
        if (incident != null) {
            jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :ref")
                    .param("ref", "%" + incident.reference() + "%")
                    .update();
        }
        incidents.removeMarked(marker);
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void theOrganisationAndTheCrtKeepOneTimelineWithAssetsIndicatorsAndEvidence() throws IOException {
        UUID isoId = jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        incident = incidents.report(
                DemoOrganisationIds.APPELKERKE.value(), marker, new Actor(isoId, "ISO Appelkerke"), Instant.now());
        String page = "/incidents/" + incident.id() + "/timeline";

        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            iso.open(page);
            iso.waitForHeading(incident.reference());
            iso.type("text", "Om 03:12 meldde iemand zich aan op de VPN met het beheerdersaccount");
            iso.driver()
                    .findElement(By.cssSelector("#entry-form button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De vermelding is toegevoegd"));
            assertThat(iso.mainText()).contains("Vaststelling").contains("beheerdersaccount");
            iso.check("incident-timeline-organisation");
        }

        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs("analist@crt.invalid");
            analyst.open(page);
            analyst.waitForHeading(incident.reference());
            new Select(analyst.driver().findElement(By.id("kind"))).selectByValue("MESSAGE_TO_ORGANISATION");
            analyst.type("text", "Zet het beheerdersaccount meteen uit en bel ons terug");
            analyst.driver()
                    .findElement(By.cssSelector("#entry-form button[type=submit]"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Bericht aan de organisatie"));

            // The ISO wrote 03:12; the VPN log says 03:21. The correction is a new entry beside the original.
            analyst.driver()
                    .findElement(By.xpath("//li[contains(., 'Om 03:12')]//a[normalize-space()='Corrigeren']"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-form"), "corrigeren"));
            analyst.type("text", "Om 03:21 (niet 03:12) meldde iemand zich aan op de VPN met het beheerdersaccount");
            analyst.driver()
                    .findElement(By.cssSelector("#entry-form button[type=submit]"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Gecorrigeerd door"));
            assertThat(analyst.mainText()).contains("Om 03:12 meldde").contains("Om 03:21 (niet 03:12)");

            analyst.type("name", "Bestandsserver FS01");
            new Select(analyst.driver().findElement(By.id("assetKind"))).selectByValue("SERVER");
            analyst.driver()
                    .findElement(By.cssSelector("#asset-form button[type=submit]"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Het systeem is toegevoegd"));
            analyst.atPhoneWidth();
            new Select(analyst.driver().findElement(By.cssSelector("#assets select[name=status]")))
                    .selectByValue("COMPROMISED");
            analyst.driver()
                    .findElement(By.cssSelector("#assets form button[type=submit]"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Bestandsserver FS01: Nog te bepalen → Gecompromitteerd"));
            analyst.atDesktopWidth();

            new Select(analyst.driver().findElement(By.id("type"))).selectByValue("IPV4");
            analyst.type("value", "192.0.2.66");
            analyst.type("note", "Bron van de VPN-aanmelding");
            analyst.driver()
                    .findElement(By.cssSelector("#indicator-form button[type=submit]"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De indicator is toegevoegd"));

            String content = "2026-12-03T03:21:07 vpn login admin from 192.0.2.66\n";
            log = Files.createTempFile("firewall-", ".log");
            Files.writeString(log, content, StandardCharsets.UTF_8);
            analyst.driver()
                    .findElement(By.id("file"))
                    .sendKeys(log.toAbsolutePath().toString());
            analyst.type("description", "VPN-log van de nacht");
            analyst.driver()
                    .findElement(By.cssSelector("#evidence-form button[type=submit]"))
                    .click();
            analyst.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Het bestand is opgeladen"));
            String sha256 = EvidenceFile.sha256(content.getBytes(StandardCharsets.UTF_8));
            assertThat(analyst.mainText()).contains(sha256).contains("192.0.2.66");
            analyst.check("incident-timeline-crt");
            // The second sign-in step and the timeline.
            analyst.assertPagesChecked(2);
        }

        String mail = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                        + " AND subject LIKE :ref")
                .param("ref", "%" + incident.reference() + "%")
                .query(String.class)
                .single();
        assertThat(mail).contains("Zet het beheerdersaccount meteen uit").contains("TLP:AMBER");
    }
}
