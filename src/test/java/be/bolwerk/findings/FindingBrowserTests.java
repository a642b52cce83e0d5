package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bolwerk.Browsing;
import be.bolwerk.assessment.Fixtures;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register walked in a browser by the ISO of Gemeente Appelkerke: an improvement action proposed on the
 * self-evaluation's results becomes a finding by itself; the ISO gives it to a colleague (who gets a mail), confirms
 * it on a phone-sized screen, starts the work, resolves it; a first retest finds it partly fixed (it stays open with
 * the note shown), it is resolved again and a second retest finds it fixed, which verifies the fix; the history shows
 * every step with who took it and when; then the form for a finding written by hand and the deadlines page. axe-core checks every page at desktop
 * and phone width; none scrolls sideways at 390 or 320 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FindingBrowserTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final String title =
            "MFA voor webmail " + UUID.randomUUID().toString().substring(0, 8);

    FindingBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title = :title")
                .param("title", title)
                .update();
        RegisterWrites.moved(jdbc);
        jdbc.sql("DELETE FROM improvement_action WHERE title = :title")
                .param("title", title)
                .update();
    }

    @Test
    void anImprovementActionBecomesAFindingThatIsAssignedConfirmedResolvedAndVerified() {
        String assessment = assessment();
        UUID colleague = jdbc.sql("SELECT id FROM user_account WHERE email = 'medewerker@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        String isoName = jdbc.sql("SELECT display_name FROM user_account WHERE email = 'iso@appelkerke.invalid'")
                .query(String.class)
                .single();
        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            iso.await()
                    .until(d -> !d.getCurrentUrl().contains("/login")
                            && !d.getCurrentUrl().contains("/mfa"));

            iso.open("/assessments/" + assessment + "/results#actions");
            iso.await().until(ExpectedConditions.presenceOfElementLocated(By.id("dueDate")));
            type(iso, "title", title);
            WebElement due = iso.driver().findElement(By.id("dueDate"));
            ((JavascriptExecutor) iso.driver()).executeScript("arguments[0].value = arguments[1]", due, "2027-03-01");
            new Select(iso.driver().findElement(By.id("priority"))).selectByValue("HIGH");
            iso.driver()
                    .findElement(By.xpath("//form[.//input[@id='title']]//button[@type='submit']"))
                    .click();
            iso.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("actions"), title));

            // The register takes the action over after the self-evaluation's commit, in the background.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM finding WHERE title = :t")
                                    .param("t", title)
                                    .query(Long.class)
                                    .single()
                            == 1);
            iso.open("/findings?source=SELF_EVALUATION_ACTION");
            iso.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), title));
            iso.check("findings-register");

            iso.driver().findElement(By.linkText(title)).click();
            iso.waitForHeading(title);
            assertThat(main(iso)).contains("Nieuw").contains("Zelfevaluatie").contains("Naar de bron");
            iso.check("finding-new");

            new Select(iso.driver().findElement(By.id("owner-choice"))).selectByValue(colleague.toString());
            iso.driver()
                    .findElement(By.cssSelector("#owner button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De eigenaar is toegewezen"));

            // Confirmed on a phone-sized screen: the buttons are there and work at 390 px.
            iso.atPhoneWidth();
            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Bevestigen']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De bevinding is bevestigd"));
            iso.atDesktopWidth();

            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Aan de slag']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Het herstel is in uitvoering"));
            type(iso, "resolve-note", "MFA aangezet voor alle webmailgebruikers");
            iso.driver()
                    .findElement(By.cssSelector("#resolve button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "gemarkeerd als opgelost"));
            iso.check("finding-resolved");

            // The first retest finds it partly fixed: the finding stays open, back in progress, with the note shown.
            type(iso, "tester", "Auditkantoor Voorbeeld");
            new Select(iso.driver().findElement(By.id("result"))).selectByValue("PARTIALLY_FIXED");
            type(iso, "note", "Twee webmailservers nog zonder MFA");
            iso.driver()
                    .findElement(By.cssSelector("#retest button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De hertest is vastgelegd"));
            assertThat(main(iso))
                    .contains("In uitvoering — Twee webmailservers nog zonder MFA")
                    .contains("Gedeeltelijk opgelost");
            iso.check("finding-partly-fixed");

            // Resolved again, and this time the retest finds it fixed.
            type(iso, "resolve-note", "Ook de laatste twee servers aangepast");
            iso.driver()
                    .findElement(By.cssSelector("#resolve button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "gemarkeerd als opgelost"));

            type(iso, "tester", "Auditkantoor Voorbeeld");
            new Select(iso.driver().findElement(By.id("result"))).selectByValue("FIXED");
            iso.driver()
                    .findElement(By.cssSelector("#retest button[type=submit]"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "De hertest is vastgelegd"));
            assertThat(main(iso))
                    .contains("Herstel bevestigd")
                    .contains("Auditkantoor Voorbeeld")
                    .contains("MFA aangezet voor alle webmailgebruikers");
            iso.check("finding-verified");
            assertThat(history(iso))
                    .as("each step in the history, with who took it")
                    .containsExactly(
                            "Toegevoegd|Bolwerk",
                            "Eigenaar toegewezen|" + isoName,
                            "Bevestigd|" + isoName,
                            "In uitvoering|" + isoName,
                            "Opgelost|" + isoName,
                            "Hertest|" + isoName,
                            "Opgelost|" + isoName,
                            "Hertest|" + isoName,
                            "Herstel bevestigd|" + isoName);

            // The other pages of the register: writing a finding by hand, and the organisation's deadlines.
            iso.open("/findings/new");
            iso.waitForHeading("Bevinding toevoegen");
            iso.check("finding-form");
            iso.open("/findings/sla");
            iso.waitForHeading("Termijnen per ernst");
            assertThat(main(iso)).contains("Termijnen van Gemeente Appelkerke");
            iso.check("finding-sla");
            iso.assertPagesChecked(8);
        }
        assertThat(jdbc.sql("SELECT status FROM finding WHERE title = :t")
                        .param("t", title)
                        .query(String.class)
                        .single())
                .isEqualTo("FIX_VERIFIED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'medewerker@appelkerke.invalid'"
                                + " AND subject = :s")
                        .param("s", "Bevinding voor u: " + title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Appelkerke's newest self-evaluation, or a draft one written for this test. */
    private String assessment() {
        return jdbc.sql("SELECT id FROM assessment WHERE organisation_id = :org ORDER BY assessment_year DESC, id"
                        + " LIMIT 1")
                .param("org", APPELKERKE)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> Fixtures.storedAssessment(
                        jdbc,
                        APPELKERKE,
                        Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"),
                        BelgianTime.yearOf(Instant.now()),
                        "DRAFT",
                        null,
                        null))
                .toString();
    }

    /**
     * The history table as "step|who" per line, oldest first; each line must also say when (day and time), or the
     * line is left out so that the comparison fails.
     */
    private static List<String> history(Browsing person) {
        return person.driver().findElements(By.xpath("//section[.//h2[@id='history-heading']]//tbody/tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .filter(cells -> cells.get(0).getText().matches("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}"))
                .map(cells -> cells.get(1).getText() + "|" + cells.get(2).getText())
                .toList();
    }

    private static String main(Browsing person) {
        return person.driver().findElement(By.tagName("main")).getText();
    }

    private static void type(Browsing person, String id, String value) {
        WebElement field = person.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
