package be.bolwerk.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.campaign.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An engagement walked in a browser by the three people it concerns: the ISO of Gemeente Appelkerke requests it
 * and signs its rules; the supervisor assigns the student and starts; the student records a finding with a
 * screenshot; the supervisor accepts it; the ISO sees it. Then the student presses the stop button and the
 * organisation and the CRT are alerted. axe-core checks every page (the sign-in page counts as one for each
 * person); the mails of each step are in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
class EngagementBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;

    EngagementBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private final String title = "Pentest " + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM engagement WHERE title = :title")
                .param("title", title)
                .update();
    }

    @Test
    void requestSignAssignFindReviewAndStop() throws IOException {
        String engagement;
        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            signedIn(iso);
            iso.open("/engagements");
            iso.waitForHeading("Ethisch hacken");
            iso.check("engagements");
            iso.clickToLoad(By.linkText("Opdracht aanvragen"));
            iso.waitForHeading("Opdracht aanvragen");
            iso.check("engagement-form");
            type(iso, "title", title);
            type(iso, "ipRanges", "192.0.2.0/24");
            type(iso, "domains", "www.appelkerke.invalid");
            type(iso, "timeWindows", "07-12-2026 08:00-17:00");
            type(iso, "sourceAddresses", "203.0.113.5");
            type(iso, "stopContacts", "Ilse Appelmans; +32 50 12 34 56");
            type(iso, "credentialsHandover", "Geen inloggegevens");
            iso.clickToLoad(By.cssSelector("form.form button[type=submit]"));
            iso.waitForHeading(title);
            assertThat(main(iso)).contains("De opdracht is aangevraagd").contains("Tekst om te ondertekenen");
            iso.check("engagement-requested");
            engagement = iso.driver()
                    .getCurrentUrl()
                    .replaceAll(".*/engagements/", "")
                    .replaceAll("[#?].*", "");

            iso.driver().findElement(By.id("sign-confirm")).click();
            iso.clickToLoad(By.cssSelector("#sign button[type=submit]"));
            iso.waitForHeading(title);
            assertThat(main(iso)).contains("De regels zijn ondertekend").contains("Ondertekend door Ilse Appelmans");
            iso.check("engagement-signed");
            iso.assertPagesChecked(5);
        }
        assertThat(mails("iso@appelkerke.invalid", "Handtekening gevraagd: " + title))
                .isEqualTo(1);
        assertThat(mails("begeleider@hogeschool.invalid", "Ondertekend: " + title))
                .isEqualTo(1);

        try (Browsing supervisor = new Browsing(port, jdbc)) {
            supervisor.signInAs("begeleider@hogeschool.invalid");
            signedIn(supervisor);
            supervisor.open("/engagements/" + engagement);
            supervisor.waitForHeading(title);
            supervisor.check("engagement-supervisor");
            supervisor
                    .driver()
                    .findElement(By.cssSelector("#students input[type=checkbox]"))
                    .click();
            supervisor.clickToLoad(By.cssSelector("#students button[type=submit]"));
            supervisor.waitForHeading(title);
            assertThat(main(supervisor)).contains("De studenten zijn toegewezen");
            supervisor.clickToLoad(By.xpath("//button[normalize-space()='Testen starten']"));
            supervisor.waitForHeading(title);
            assertThat(main(supervisor)).contains("Het testen is gestart");
            supervisor.check("engagement-started");
            supervisor.assertPagesChecked(3);
        }
        assertThat(mails("student@hogeschool.invalid", "U bent toegewezen: " + title))
                .isEqualTo(1);

        Path screenshot = Files.createTempFile("smb-share", ".png");
        Files.write(screenshot, EngagementTests.png());
        try (Browsing student = new Browsing(port, jdbc)) {
            student.signInAs("student@hogeschool.invalid");
            signedIn(student);
            student.open("/engagements/" + engagement);
            student.waitForHeading(title);
            student.check("engagement-student");
            type(student, "title", "Open SMB-share op fs01");
            type(student, "description", "De share publiek is zonder wachtwoord leesbaar.");
            student.driver().findElement(By.id("finding-file")).sendKeys(screenshot.toString());
            student.clickToLoad(By.cssSelector("#new-finding button[type=submit]"));
            student.waitForHeading(title);
            assertThat(main(student)).contains("De bevinding is ingediend").contains("Open SMB-share op fs01");
            student.check("engagement-finding");
            student.assertPagesChecked(3);
        } finally {
            Files.deleteIfExists(screenshot);
        }

        try (Browsing supervisor = new Browsing(port, jdbc)) {
            supervisor.signInAs("begeleider@hogeschool.invalid");
            signedIn(supervisor);
            supervisor.open("/engagements/" + engagement);
            supervisor.waitForHeading(title);
            supervisor.clickToLoad(By.cssSelector("button[name=decision][value=ACCEPT]"));
            supervisor.waitForHeading(title);
            assertThat(main(supervisor)).contains("De bevinding is aanvaard");
            supervisor.check("engagement-reviewed");
            supervisor.assertPagesChecked(2);
        }
        assertThat(mails("iso@appelkerke.invalid", "Nieuwe bevinding: " + title))
                .isEqualTo(1);

        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            signedIn(iso);
            iso.open("/engagements/" + engagement);
            iso.waitForHeading(title);
            assertThat(main(iso)).contains("Open SMB-share op fs01").contains("smb-share");
            iso.check("engagement-organisation-sees-finding");
            iso.assertPagesChecked(2);
        }

        try (Browsing student = new Browsing(port, jdbc)) {
            student.signInAs("student@hogeschool.invalid");
            signedIn(student);
            student.open("/engagements/" + engagement);
            student.waitForHeading(title);
            student.clickToLoad(By.linkText("Stoppen: tekenen van een actieve aanval"));
            student.waitForHeading("Opdracht stoppen");
            student.check("engagement-stop");
            // Without the confirmation nothing stops; the description stays as typed.
            type(student, "description", "Onbekende beheeraccount op fs01, vannacht aangemaakt");
            student.clickToLoad(By.cssSelector("form.form button[type=submit]"));
            student.waitForHeading("Opdracht stoppen");
            assertThat(main(student)).contains("Vink aan dat u de opdracht nu stopt");
            assertThat(student.driver().findElement(By.id("description")).getAttribute("value"))
                    .isEqualTo("Onbekende beheeraccount op fs01, vannacht aangemaakt");
            student.check("engagement-stop-refused");
            student.driver().findElement(By.id("confirmed1")).click();
            student.clickToLoad(By.cssSelector("form.form button[type=submit]"));
            student.waitForHeading(title);
            assertThat(main(student)).contains("De opdracht is gestopt").contains("Gestopt (mogelijke aanval)");
            student.check("engagement-stopped");
            student.assertPagesChecked(4);
        }
        String stopped = "DRINGEND: ethisch hacken gestopt bij Gemeente Appelkerke";
        assertThat(stopMails("iso@appelkerke.invalid", stopped)).isEqualTo(1);
        assertThat(stopMails("crt-demo-only@bolwerk.invalid", stopped)).isEqualTo(1);
        assertThat(stopMails("analist@crt.invalid", stopped)).isEqualTo(1);
        assertThat(stopMails("student@hogeschool.invalid", stopped))
                .as("the student who pressed stop has it in writing, like every assigned student")
                .isEqualTo(1);
    }

    private static void signedIn(Browsing person) {
        person.await()
                .until(d -> !d.getCurrentUrl().contains("/login")
                        && !d.getCurrentUrl().contains("/mfa"));
    }

    private static String main(Browsing person) {
        return person.driver().findElement(By.tagName("main")).getText();
    }

    private static void type(Browsing person, String id, String value) {
        WebElement field = person.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** The stop mail of this engagement: the subject names the organisation, the body the engagement. */
    private long stopMails(String recipient, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s AND body LIKE :t")
                .param("r", recipient)
                .param("s", subject)
                .param("t", "%" + title + "%")
                .query(Long.class)
                .single();
    }

    private long mails(String recipient, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s")
                .param("r", recipient)
                .param("s", subject)
                .query(Long.class)
                .single();
    }
}
