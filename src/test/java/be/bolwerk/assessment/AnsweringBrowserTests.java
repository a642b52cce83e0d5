package be.bolwerk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.AnswerStore;
import be.bolwerk.assessment.evaluation.Answering;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An organisation admin answers this year's quick scan in Chromium, starting from last year's answers: the
 * overview's first step leads to the area with answers to confirm; a colleague saves the same comment
 * meanwhile and both versions appear next to the control; the merged text is saved; the whole area is
 * confirmed; "next area" goes on; submitting with answers still to confirm asks for an explicit yes.
 * axe-core checks each page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnsweringBrowserTests {

    private void addLink(String url) {
        browser.findElement(By.cssSelector("#evidence-AD02_d1 details summary")).click();
        WebElement field = browser.findElement(By.id("link-AD02_d1"));
        field.clear();
        field.sendKeys(url);
        browser.findElement(By.cssSelector("#evidence-AD02_d1 form[action$='/links'] button[type=submit]"))
                .click();
    }

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final JdbcClient jdbc;
    private final Answering answering;
    private final Frameworks frameworks;

    @RegisterExtension
    final Browsing browsing = new Browsing();

    private WebDriver browser;

    AnsweringBrowserTests(
            @Autowired JdbcClient jdbc, @Autowired Answering answering, @Autowired Frameworks frameworks) {
        this.jdbc = jdbc;
        this.answering = answering;
        this.frameworks = frameworks;
    }

    @BeforeEach
    void open() {
        browser = browsing.driver();
    }

    @Test
    void answerFromLastYearMergeAConflictGoToTheNextAreaAndSubmitWithConfirmation() {
        jdbc.sql("DELETE FROM assessment WHERE organisation_id = :org")
                .param("org", APPELKERKE)
                .update();
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID last = Fixtures.storedAssessment(
                jdbc, APPELKERKE, framework, Fixtures.THIS_YEAR - 1, "SUBMITTED", new BigDecimal("3.0"), true);
        frameworks
                .get(FrameworkVersionId.of(framework))
                .controls()
                .forEach(c -> Fixtures.storedAnswer(jdbc, APPELKERKE, last, c.ref(), 3, 3, "Vorig jaar", 1));

        browsing.signInAs("iso@appelkerke.invalid");
        browsing.await().until(d -> {
            try {
                return !d.findElement(By.tagName("h1")).getText().contains("Tweede stap");
            } catch (WebDriverException notYet) {
                return false;
            }
        });
        browsing.open("/assessments");
        browsing.waitForHeading("Zelfevaluaties");
        new Select(browser.findElement(By.id("frameworkVersionId")))
                .selectByVisibleText("Quick scan actiedomeinen (2026.1)");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        browsing.waitForHeading("Quick scan actiedomeinen");
        UUID id = jdbc.sql("SELECT id FROM assessment WHERE organisation_id = :org AND status = 'DRAFT'")
                .param("org", APPELKERKE)
                .query(UUID.class)
                .single();
        assertThat(browser.findElement(By.id("next-step")).getText()).startsWith("Bevestigen in gebied AD01");
        browsing.check("answering-overview");

        browser.findElement(By.id("next-step")).click();
        browsing.waitForHeading("AD01");
        assertThat(browser.findElement(By.id("control-AD01_d1")).getText()).contains("Overgenomen, te bevestigen");
        browsing.check("answering-area-carried");

        // A colleague saves another comment while this page still shows last year's.
        CurrentUser colleague = new CurrentUser(
                UUID.randomUUID(),
                "collega@appelkerke.invalid",
                "Collega",
                null,
                true,
                java.util.Set.of(),
                java.util.Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        assertThat(answering
                        .answer(
                                id,
                                "AD01.1",
                                new AnswerInput(3, 3, false, null, "Collega: herzien in maart", 1),
                                colleague)
                        .outcome())
                .isEqualTo(AnswerStore.Outcome.SAVED);
        WebElement comment = browser.findElement(By.id("comment-AD01_d1"));
        comment.clear();
        comment.sendKeys("Mijn opmerking", Keys.TAB);
        // clear() fires its own change, so a first merge form with an empty "your version" may arrive before the
        // one for the typed text: wait for the latter.
        browsing.await()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#merge-AD01_d1 [role=alert]")));
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("merge-AD01_d1"), "Mijn opmerking"));
        String merge = browser.findElement(By.id("merge-AD01_d1")).getText();
        assertThat(merge).contains("Collega: herzien in maart").contains("Mijn opmerking");
        browsing.check("answering-conflict");

        WebElement mine = browser.findElement(By.id("merge-AD01_d1-comment"));
        mine.clear();
        mine.sendKeys("Mijn opmerking; collega: herzien in maart");
        browser.findElement(By.cssSelector("#merge-AD01_d1 button[type=submit]"))
                .click();
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#control-AD01_d1 .notice"), "Opgeslagen"));
        assertThat(jdbc.sql("""
                                SELECT comment || '@' || revision FROM assessment_answer
                                WHERE assessment_id = :id AND control_ref = 'AD01.1'
                                """).param("id", id).query(String.class).single())
                .isEqualTo("Mijn opmerking; collega: herzien in maart@3");

        browser.findElement(By.xpath("//button[contains(., 'Alle overgenomen antwoorden van dit gebied bevestigen')]"))
                .click();
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "bevestigd"));
        browser.findElement(By.partialLinkText("Volgend gebied")).click();
        browsing.waitForHeading("AD02");

        // Evidence: the refusal and the success both appear next to that question's evidence.
        addLink("javascript:alert(1)");
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#evidence-AD02_d1 [role=alert]"), "Geef een volledige link"));
        addLink("https://intranet.appelkerke.invalid/beleid");
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#evidence-AD02_d1 [role=status]"), "toegevoegd"));
        assertThat(browser.findElements(By.cssSelector("#evidence-AD02_d1 [role=alert]")))
                .isEmpty();
        // Changing a carried-over answer (autosave) takes away its "to confirm" mark at once.
        browser.findElement(By.cssSelector("label[for='documentation-AD02_d2-4']"))
                .click();
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-AD02_d2"), "Opgeslagen"));
        browsing.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("carried-AD02_d2")));
        assertThat(browser.findElement(By.id("control-AD02_d2")).getText()).doesNotContain("te bevestigen");
        browsing.check("answering-next-area");

        browsing.open("/assessments/" + id);
        browsing.waitForHeading("Quick scan actiedomeinen");
        browser.findElement(By.cssSelector("label[for=confirm-submit]")).click();
        browser.findElement(By.cssSelector("form[action$='/submit'] button[type=submit]"))
                .click();
        browsing.waitForHeading("Indienen met onbevestigde antwoorden");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains((frameworks
                                        .get(FrameworkVersionId.of(framework))
                                        .controls()
                                        .size()
                                - 3) + " antwoorden zijn overgenomen");
        browsing.check("answering-submit-step");
        browser.findElement(By.cssSelector("label[for=accept-unconfirmed]")).click();
        browser.findElement(By.cssSelector("form[action$='/submit'] button[type=submit]"))
                .click();
        browsing.waitForHeading("Quick scan actiedomeinen");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ingediend");
        browsing.assertPagesChecked(6);
    }
}
