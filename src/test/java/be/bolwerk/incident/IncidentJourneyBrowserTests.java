package be.bolwerk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 from end to end, one story in the browser with the demo accounts: a staff member of Gemeente
 * Appelkerke reports ransomware on a phone with JavaScript off; the CRT analyst finds it in the queue, triages it
 * (the ransomware playbook's tasks appear), ticks a task and records that personal data were affected, which starts
 * the 72-hour notification to the Vlaamse Toezichtcommissie; the analyst drafts that notification from the facts,
 * leaves a field out, exports it and records its submission; the organisation's admin
 * asks for emergency support, the analyst recommends it and the programme officer approves it from an
 * emergency-fund line; the analyst contains, eradicates, recovers and closes the incident, writes the root cause and
 * a lesson; the admin adopts the lesson and finds it in Appelkerke's findings register with source "Incident".
 * axe-core checks every page at desktop and phone width; the mails of the main steps are counted per recipient.
 *
 * <p>Each step is a small method of its own, in the order of the story.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentJourneyBrowserTests {

    private static final String MEMBER = "medewerker@appelkerke.invalid";
    private static final String ADMIN = "iso@appelkerke.invalid";
    private static final String ANALYST = "analist@crt.invalid";
    private static final String OFFICER = "programma@bolwerk.invalid";

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Clock clock;
    private final String marker = "Reis " + UUID.randomUUID().toString().substring(0, 8);
    private final String lesson = marker + " Back-ups los van het netwerk bewaren";

    /** Filled in as the story goes. */
    private String incidentId;

    private String reference;
    private String supportReference;
    private UUID emergencyLine;

    IncidentJourneyBrowserTests(
            @Autowired JdbcClient jdbc, @Autowired IncidentFixtures fixtures, @Autowired Clock clock) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        for (String subject : new String[] {reference, supportReference}) {
            if (subject != null) {
                jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                        .param("s", "%" + subject + "%")
                        .update();
            }
        }
        jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                .param("s", "%" + marker + "%")
                .update();
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
        // The emergency support goes with the incident (cascade); its commitment and our own line do not.
        fixtures.removeMarked(marker);
        if (emergencyLine != null) {
            jdbc.sql("DELETE FROM budget_commitment WHERE budget_line_id = :id")
                    .param("id", emergencyLine)
                    .update();
            jdbc.sql("DELETE FROM budget_line WHERE id = :id")
                    .param("id", emergencyLine)
                    .update();
        }
    }

    @Test
    void fromAReportOnAPhoneWithoutJavaScriptToALessonInTheFindingsRegister() {
        emergencyLine = FundingFixtures.line(jdbc, "250000.00", true);
        jdbc.sql("UPDATE budget_line SET purpose = 'EMERGENCY_FUND', name = :name WHERE id = :id")
                .param("name", "Noodfonds " + marker)
                .param("id", emergencyLine)
                .update();

        try (Browsing member = new Browsing(port, jdbc)) {
            reportOnAPhoneWithoutJavaScript(member);
            member.assertPagesChecked(3);
        }
        try (Browsing analyst = new Browsing(port, jdbc)) {
            analyst.signInAs(ANALYST);
            findInTheQueue(analyst);
            triageAsRansomware(analyst);
            tickATask(analyst);
            recordThatPersonalDataWereAffected(analyst);
            draftAndSubmitTheNotification(analyst);
            theObligationShowsTheSubmission(analyst);

            try (Browsing admin = new Browsing(port, jdbc)) {
                admin.signInAs(ADMIN);
                requestEmergencySupport(admin);
                recommendTheSupport(analyst);
                try (Browsing officer = new Browsing(port, jdbc)) {
                    officer.signInAs(OFFICER);
                    approveFromTheEmergencyFund(officer);
                    officer.assertPagesChecked(2);
                }
                containEradicateRecoverAndClose(analyst);
                recordRootCauseAndLesson(analyst);
                adoptTheLessonAndFindItInTheRegister(admin);
                admin.assertPagesChecked(4);
            }
            analyst.assertPagesChecked(12);
        }

        assertMails();
    }

    // ---- the organisation reports ----

    private void reportOnAPhoneWithoutJavaScript(Browsing member) {
        member.signInAs(MEMBER);
        member.open("/incidents/new");
        member.waitForHeading("Incident melden");
        member.check("journey-report-form");
        // Then as a phone in a municipality whose systems are down may be: 390 px wide, JavaScript off.
        member.atPhoneWidth();
        scripts(member, false);
        member.open("/incidents/new");
        member.waitForHeading("Incident melden");
        member.type("whatHappened", marker + " bestanden op de fileserver versleuteld, losgeldbericht op het scherm");
        click(member, "ongoing1");
        click(member, "personalData3");
        click(member, "citizensAffected1");
        click(member, "ransomware1");
        click(member, "ransomNote1");
        click(member, "systemsIsolated2");
        member.type("callbackPhone", "+32 50 12 34 56");
        member.driver()
                .findElement(By.cssSelector("form.incident-report button[type=submit]"))
                .click();
        member.waitForHeading("Melding ontvangen");

        Map<String, Object> row = jdbc.sql("SELECT id, reference FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .query()
                .singleRow();
        incidentId = row.get("id").toString();
        reference = row.get("reference").toString();
        assertThat(member.mainText()).contains("Uw melding is ontvangen. Uw referentie is " + reference);
        // Without script the acknowledgement stays at the form's address (ADR 0048); its own address shows it again.
        String address = member.driver().findElement(By.id("main")).getDomAttribute("data-address");
        assertThat(address).isEqualTo("/incidents/" + incidentId + "/received");
        scripts(member, true);
        member.atDesktopWidth();
        member.open(address);
        member.waitForHeading("Melding ontvangen");
        member.check("journey-reported");
    }

    // ---- the CRT handles ----

    private void findInTheQueue(Browsing analyst) {
        analyst.open("/incidents");
        analyst.waitForHeading("Wachtrij van het CRT");
        analyst.await()
                .until(d -> d.findElement(By.id("incident-results")).getText().contains(reference));
        analyst.check("journey-queue");
        analyst.driver()
                .findElement(By.cssSelector("#incident-results a[href*='" + incidentId + "']"))
                .click();
        analyst.waitForHeading(reference);
    }

    private void triageAsRansomware(Browsing analyst) {
        analyst.open(page("handling"));
        analyst.waitForHeading(reference);
        analyst.driver()
                .findElement(By.cssSelector("label[for=severity-CRITICAL]"))
                .click();
        new Select(analyst.driver().findElement(By.id("category"))).selectByValue("RANSOMWARE");
        new Select(analyst.driver().findElement(By.id("leadAnalyst")))
                .selectByValue(account(ANALYST).toString());
        analyst.driver().findElement(By.cssSelector("label[for=tlp-AMBER]")).click();
        analyst.driver()
                .findElement(By.cssSelector("#triage button[type=submit]"))
                .click();
        waitFor(analyst, "Het incident is beoordeeld.");
        assertThat(analyst.mainText()).as("the ransomware playbook's tasks").contains("Losgeldbericht bewaren");
        analyst.check("journey-triaged");
    }

    private void tickATask(Browsing analyst) {
        analyst.driver()
                .findElement(By.cssSelector("#tasks form button[type=submit]"))
                .click();
        waitFor(analyst, "De taak is gedaan.");
        assertThat(analyst.mainText()).contains("Gedaan door");
        analyst.check("journey-task-done");
    }

    private void recordThatPersonalDataWereAffected(Browsing analyst) {
        analyst.open(page("obligations"));
        analyst.waitForHeading(reference);
        new Select(analyst.driver().findElement(By.id("personalDataBreach"))).selectByValue("YES");
        moment(analyst, analyst.driver().findElement(By.id("personalDataKnownAt")), clock.instant());
        analyst.type("breachReason", "Rijksregisternummers van inwoners in de versleutelde map");
        analyst.driver()
                .findElement(By.xpath("//button[normalize-space()='Feiten opslaan']"))
                .click();
        waitFor(analyst, "De feiten zijn opgeslagen");
        assertThat(analyst.mainText())
                .contains("Melding datalek aan de toezichthouder (AVG art. 33)")
                .contains("Vlaamse Toezichtcommissie (VTC)")
                .containsPattern("nog 2 d 2[23] u");
        analyst.check("journey-obligations");
    }

    /**
     * One fact base, several reports: the analyst opens the draft of the notification to the VTC on the tab
     * "Meldingen", leaves the free description out, exports the text that will go out and records its submission on
     * the draft, which records it on the obligation too.
     */
    private void draftAndSubmitTheNotification(Browsing analyst) {
        analyst.driver().findElement(By.linkText("Meldingen")).click();
        waitFor(analyst, "Verzekeraar");
        assertThat(analyst.mainText()).contains("Melding datalek aan de toezichthouder");
        analyst.check("journey-notices");

        button(analyst, "Nieuwe melding opmaken");
        waitFor(analyst, "Melding opgemaakt uit de huidige feiten");
        assertThat(preview(analyst))
                .contains("Vlaamse Toezichtcommissie (VTC)")
                .contains("Wat er gebeurde: " + marker)
                .contains("Persoonsgegevens betrokken: Ja");
        click(analyst, "field-WHAT_HAPPENED");
        button(analyst, "Keuze opslaan");
        waitFor(analyst, "Keuze opgeslagen");
        assertThat(preview(analyst)).doesNotContain(marker).contains("Persoonsgegevens betrokken: Ja");
        analyst.check("journey-notice-draft");

        String href = analyst.driver()
                .findElement(By.linkText("Tekst downloaden (.txt)"))
                .getAttribute("href");
        Object text = ((JavascriptExecutor) analyst.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                        href);
        assertThat((String) text).contains("Persoonsgegevens betrokken: Ja").doesNotContain(marker);

        moment(analyst, analyst.driver().findElement(By.id("submittedAt")), clock.instant());
        analyst.type("channel", "e-loket VTC");
        analyst.type("externalReference", "VTC-2026-0113");
        button(analyst, "Ingediend");
        waitFor(analyst, "Indiening vastgelegd");
        assertThat(analyst.mainText()).contains("Ingediende tekst").contains("SHA-256");
        analyst.check("journey-notice-submitted");
    }

    private void theObligationShowsTheSubmission(Browsing analyst) {
        analyst.open(page("obligations"));
        analyst.waitForHeading(reference);
        assertThat(analyst.mainText()).contains("Verstuurd").contains("VTC-2026-0113");
        analyst.check("journey-submitted");
    }

    private static String preview(Browsing analyst) {
        return analyst.driver().findElement(By.cssSelector(".notice-preview")).getText();
    }

    private static void button(Browsing browsing, String label) {
        browsing.driver()
                .findElement(By.xpath("//main//button[normalize-space()='" + label + "']"))
                .click();
    }

    // ---- emergency support ----

    private void requestEmergencySupport(Browsing admin) {
        admin.open(page("support"));
        admin.waitForHeading(reference);
        admin.type("purpose", "Extern incidentresponsbedrijf voor forensisch onderzoek");
        admin.type("supplier", "Voorbeeld Incident Response bv");
        admin.type("amount", "40.000,00");
        admin.type("motivation", "Onze eigen dienst ICT heeft geen forensische expertise en alle servers liggen stil.");
        admin.driver()
                .findElement(By.xpath("//button[normalize-space()='Aanvraag versturen']"))
                .click();
        waitFor(admin, "De aanvraag is verstuurd.");
        supportReference = jdbc.sql("SELECT reference FROM emergency_support WHERE incident_id = :id")
                .param("id", UUID.fromString(incidentId))
                .query(String.class)
                .single();
        assertThat(admin.mainText()).contains(supportReference).contains("€ 40.000,00");
        admin.check("journey-support-requested");
    }

    private void recommendTheSupport(Browsing analyst) {
        UUID support = supportId();
        analyst.open(page("support"));
        analyst.waitForHeading(reference);
        analyst.type("amount-" + support, "35.000,00");
        analyst.type("advice-" + support, "Nodig om de bestandsserver veilig terug te zetten; 35.000 euro volstaat.");
        analyst.driver()
                .findElement(By.xpath("//button[normalize-space()='Aanbevelen']"))
                .click();
        waitFor(analyst, "Het advies is bewaard.");
        analyst.check("journey-support-recommended");
    }

    private void approveFromTheEmergencyFund(Browsing officer) {
        officer.open("/emergency-support/" + supportId());
        officer.waitForHeading(supportReference);
        new Select(officer.driver().findElement(By.id("line"))).selectByValue(emergencyLine.toString());
        officer.driver()
                .findElement(By.xpath("//button[normalize-space()='Goedkeuren']"))
                .click();
        waitFor(officer, "De noodsteun is goedgekeurd en vastgelegd op het noodfonds.");
        officer.check("journey-support-approved");
        assertThat(jdbc.sql("SELECT committed FROM budget_line WHERE id = :id")
                        .param("id", emergencyLine)
                        .query(BigDecimal.class)
                        .single())
                .as("the recommended amount is committed on the emergency fund")
                .isEqualByComparingTo("35000.00");
    }

    // ---- closing and learning ----

    private void containEradicateRecoverAndClose(Browsing analyst) {
        analyst.open(page("handling"));
        analyst.waitForHeading(reference);
        step(analyst, "CONTAINED", "Het incident is ingeperkt.");
        step(analyst, "ERADICATED", "De oorzaak is verwijderd.");
        step(analyst, "RECOVERED", "De dienstverlening is hersteld.");
        analyst.type("close-outcome", "Fileserver teruggezet uit de offline back-up van zondag");
        analyst.type("close-impact", "Twee dagen geen loket burgerzaken; geen losgeld betaald");
        analyst.driver().findElement(By.cssSelector("label[for=close-confirm]")).click();
        analyst.driver()
                .findElement(By.cssSelector("#step-CLOSED button[type=submit]"))
                .click();
        waitFor(analyst, "Het incident is afgesloten.");
        analyst.check("journey-closed");
    }

    private void recordRootCauseAndLesson(Browsing analyst) {
        analyst.open(page("lessons"));
        analyst.waitForHeading(reference);
        analyst.type("rootCause", "Een VPN-server zonder updates en zonder tweede factor.");
        analyst.driver()
                .findElement(By.cssSelector("#cause-heading ~ form button"))
                .click();
        waitFor(analyst, "De hoofdoorzaak is opgeslagen.");
        analyst.type("title", lesson);
        analyst.type("detail", "De back-ups stonden op een share die mee versleuteld werd.");
        new Select(analyst.driver().findElement(By.id("priority"))).selectByValue("HIGH");
        analyst.driver()
                .findElement(By.cssSelector("#lessons-heading ~ form button"))
                .click();
        waitFor(analyst, "De les is genoteerd.");
        analyst.check("journey-lesson");
    }

    private void adoptTheLessonAndFindItInTheRegister(Browsing admin) {
        admin.open(page("lessons"));
        admin.waitForHeading(reference);
        admin.driver()
                .findElement(By.cssSelector("button[aria-label='Les \"" + lesson + "\" opnemen in het verbeterplan']"))
                .click();
        waitFor(admin, "De les staat nu als bevinding in het verbeterplan");
        admin.check("journey-lesson-adopted");
        // The register takes the lesson over right after the commit; the list shows it once it is there.
        admin.await().until(d -> {
            admin.open("/findings?q=" + marker.replace(' ', '+'));
            return admin.mainText().contains(lesson);
        });
        admin.check("journey-findings");
        Map<String, Object> finding = jdbc.sql("SELECT organisation_id, source FROM finding WHERE title = :t")
                .param("t", lesson)
                .query()
                .singleRow();
        assertThat(finding.get("source")).isEqualTo("INCIDENT");
        assertThat(finding.get("organisation_id").toString())
                .isEqualTo(DemoOrganisationIds.APPELKERKE.value().toString());
    }

    // ---- mails ----

    /**
     * Per recipient and subject, since other tests may add admins or analysts to the demo organisations: the
     * reporter's acknowledgement; the admin of Appelkerke hears of the report, the triage and each status step, the
     * obligation's clock, the advice and the decision on the emergency support, the lesson and the new finding; the
     * analyst of the request for support, the programme officer of the advice.
     */
    private void assertMails() {
        assertThat(mails(MEMBER, "Melding ontvangen: " + reference)).isEqualTo(1);
        assertThat(mails(ADMIN, "Incident gemeld: " + reference)).isEqualTo(1);
        assertThat(mails(ADMIN, "Incident " + reference + ": nieuwe stap in de afhandeling"))
                .as("triage and four status steps")
                .isEqualTo(5);
        assertThat(mails(ADMIN, "Meldplicht voor incident " + reference)).isEqualTo(1);
        assertThat(mails(ADMIN, "Melding ingediend voor incident " + reference)).isEqualTo(1);
        assertThat(mails(ADMIN, "Advies over noodsteun " + supportReference)).isEqualTo(1);
        assertThat(mails(ADMIN, "Beslissing over noodsteun " + supportReference))
                .isEqualTo(1);
        assertThat(mails(ADMIN, "Een les uit incident " + reference)).isEqualTo(1);
        assertThat(mails(ADMIN, "Nieuwe bevinding: " + lesson)).isEqualTo(1);
        assertThat(mails(ANALYST, "Noodsteun gevraagd: " + supportReference)).isEqualTo(1);
        assertThat(mails(OFFICER, "Advies over noodsteun " + supportReference)).isEqualTo(1);
    }

    private long mails(String to, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject LIKE :s")
                .param("to", to)
                .param("s", "%" + subject + "%")
                .query(Long.class)
                .single();
    }

    // ---- helpers ----

    private String page(String tab) {
        return "/incidents/" + incidentId + "/" + tab;
    }

    private UUID supportId() {
        return jdbc.sql("SELECT id FROM emergency_support WHERE incident_id = :id")
                .param("id", UUID.fromString(incidentId))
                .query(UUID.class)
                .single();
    }

    private UUID account(String email) {
        return jdbc.sql("SELECT id FROM user_account WHERE email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }

    private static void step(Browsing analyst, String step, String done) {
        analyst.driver()
                .findElement(By.cssSelector("#step-" + step + " button"))
                .click();
        waitFor(analyst, done);
    }

    private static void waitFor(Browsing browsing, String text) {
        browsing.await().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    private static void click(Browsing browsing, String id) {
        browsing.driver().findElement(By.id(id)).click();
    }

    private static void scripts(Browsing browsing, boolean on) {
        ((ChromeDriver) browsing.driver())
                .executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    /** A datetime-local field takes Brussels time; set through its value, as typing depends on the locale. */
    private static void moment(Browsing browsing, WebElement field, Instant at) {
        String text = LocalDateTime.ofInstant(at, BelgianTime.ZONE)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        ((JavascriptExecutor) browsing.driver()).executeScript("arguments[0].value = arguments[1]", field, text);
    }
}
