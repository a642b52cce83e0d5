package be.bolwerk.findings.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.List;
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
 * The bulk action and the reports in a browser: the ISO of Gemeente Appelkerke ticks two findings in the register,
 * gives both to a colleague, checks the preview and confirms it (the colleague gets one mail listing both); the
 * progress page draws its chart; the programme officer's view shows the counts per organisation type. axe-core
 * checks every page at desktop and phone width; none scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportBrowserTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final String COLLEAGUE = "medewerker@appelkerke.invalid";

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final Raising raising;
    private final String marker = "Bulkbrowser " + UUID.randomUUID().toString().substring(0, 8);

    ReportBrowserTests(@Autowired JdbcClient jdbc, @Autowired Raising raising) {
        this.jdbc = jdbc;
        this.raising = raising;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void twoFindingsGetAnOwnerInOneGoAndTheReportsRender() {
        UUID first = raise(marker + " wifi");
        UUID second = raise(marker + " back-up");
        UUID colleague = jdbc.sql("SELECT id FROM user_account WHERE email = :e")
                .param("e", COLLEAGUE)
                .query(UUID.class)
                .single();
        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            iso.open("/findings?q=" + marker.replace(' ', '+'));
            iso.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), marker));
            iso.check("findings-bulk-register");

            iso.driver().findElement(By.id("select-" + first)).click();
            iso.driver().findElement(By.id("select-" + second)).click();
            new Select(iso.driver().findElement(By.id("bulk-action"))).selectByValue("ASSIGN");
            new Select(iso.driver().findElement(By.id("bulk-owner"))).selectByValue(colleague.toString());
            iso.driver()
                    .findElement(By.cssSelector("#bulk-form button[type=submit]"))
                    .click();
            iso.waitForHeading("Meerdere bevindingen wijzigen");
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Bevestigen voor 2 bevinding(en)"));
            assertThat(iso.mainText()).contains(marker + " wifi").contains(marker + " back-up");
            iso.check("findings-bulk-preview");

            iso.driver()
                    .findElement(By.cssSelector("#bulk-confirm button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De bevindingen zijn gewijzigd"));
            iso.check("findings-bulk-done");

            iso.open("/findings/report");
            iso.waitForHeading("Voortgang van het verbeterplan van Gemeente Appelkerke");
            iso.await()
                    .until(d -> d.findElement(By.cssSelector("canvas[data-figure=stacked]"))
                                    .getDomAttribute("data-drawn")
                            != null);
            iso.check("findings-report");
            iso.assertPagesChecked(5);
        }
        List<String> mails = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r AND body LIKE :m")
                .param("r", COLLEAGUE)
                .param("m", "%" + marker + "%")
                .query(String.class)
                .list();
        assertThat(mails).singleElement().asString().contains(marker + " wifi").contains(marker + " back-up");

        try (Browsing officer = new Browsing(port, jdbc)) {
            officer.signInAs("programma@bolwerk.invalid");
            officer.open("/findings/programme");
            officer.waitForHeading("Verbeterplannen van het programma");
            officer.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("programme-closing"), "Gemeente"));
            assertThat(officer.mainText()).doesNotContain(marker);
            officer.check("findings-programme");
            assertThat(officer.driver().findElements(By.cssSelector("nav a[href='/findings/programme']")))
                    .as("the programme officer's menu links the view")
                    .isNotEmpty();
        }
    }

    private UUID raise(String title) {
        return raising.raise(
                        APPELKERKE,
                        new Finding.Details(title, "", Severity.HIGH, "", "", null, null, "", false, ""),
                        TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN))
                .value();
    }
}
