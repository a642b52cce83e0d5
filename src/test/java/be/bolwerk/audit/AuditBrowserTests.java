package be.bolwerk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import be.bolwerk.Browsing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The whole flow of an audit in a browser, with axe-core on every page: the organisation admin orders a basic
 * audit and sees both shares before sending, the programme officer approves and assigns the firm, the auditor
 * schedules, starts, records a finding, uploads the report and completes with the invoice, and the organisation
 * admin downloads the settlement statement. The outbox holds the mails of each step.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class AuditBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;

    AuditBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Browsing browsing;

    @BeforeEach
    void open() {
        browsing = new Browsing(port, jdbc);
    }

    @AfterEach
    void close() {
        browsing.close();
    }

    @Test
    void anAuditGoesFromOrderToSettledInvoice() throws Exception {
        browsing.signInAs("iso@appelkerke.invalid");
        browsing.open("/audits");
        browsing.waitForHeading("Audits");
        browsing.check("audits-organisation");
        browsing.driver().findElement(By.linkText("Audit bestellen")).click();
        browsing.waitForHeading("Audit bestellen");
        browsing.check("audit-order-form");
        browsing.driver().findElement(By.id("coachingDay1")).click();
        browsing.type("quoteExcludingVat", "7.500,00");
        browsing.type("quoteVat", "1.575,00");
        button("Bekijk wie wat betaalt");
        browsing.await().until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        assertThat(browsing.mainText()).contains("€ 9.075,00", "€ 6.050,00", "€ 3.025,00");
        browsing.check("audit-order-preview");
        button("Bestelling versturen");
        browsing.waitForHeading("Basisaudit AUD-");
        assertThat(browsing.mainText()).contains("De bestelling is verstuurd", "Aangevraagd");
        browsing.check("audit-order-requested");
        String path = new java.net.URI(browsing.driver().getCurrentUrl()).getPath();
        String reference =
                browsing.driver().findElement(By.tagName("h1")).getText().replace("Basisaudit ", "");
        signOut();

        browsing.signInAs("programma@bolwerk.invalid");
        browsing.open("/audits?q=" + reference);
        browsing.waitForHeading("Auditbestellingen");
        browsing.check("audits-programme");
        browsing.open(path);
        browsing.waitForHeading(reference);
        browsing.check("audit-order-decision");
        browsing.driver().findElement(By.id("confirm-approve")).click();
        button("Goedkeuren");
        browsing.await().until(d -> browsing.mainText().contains("De bestelling is goedgekeurd"));
        // Other test classes add auditors of other firms; the demo auditor's firm is chosen by name.
        new Select(browsing.driver().findElement(By.id("firm"))).selectByVisibleText("Auditkantoor Voorbeeld");
        button("Auditkantoor toewijzen");
        browsing.await().until(d -> browsing.mainText().contains("Het auditkantoor is toegewezen"));
        browsing.check("audit-order-approved");
        signOut();

        browsing.signInAs("auditor@auditkantoor.invalid");
        browsing.open("/audits");
        browsing.waitForHeading("Mijn audits");
        assertThat(browsing.mainText()).contains(reference);
        browsing.check("audits-auditor");
        browsing.open(path);
        browsing.waitForHeading(reference);
        WebElement date = browsing.driver().findElement(By.id("schedule-date"));
        String day = LocalDate.now().plusDays(7).toString();
        ((JavascriptExecutor) browsing.driver()).executeScript("arguments[0].value = arguments[1]", date, day);
        button("Plannen");
        browsing.await().until(d -> browsing.mainText().contains("De audit is gepland"));
        button("Audit starten");
        browsing.await().until(d -> browsing.mainText().contains("De audit is gestart"));
        browsing.type("title", "Geen offline back-up");
        browsing.type("description", "Alle back-ups staan op het netwerk.");
        browsing.type("recommendation", "Bewaar een kopie offline.");
        button("Bevinding noteren");
        browsing.await().until(d -> browsing.mainText().contains("De bevinding is genoteerd"));
        browsing.check("audit-order-in-progress");
        Path report = Files.createTempFile("auditrapport", ".pdf");
        Files.write(report, AuditFixtures.pdf());
        browsing.driver().findElement(By.id("report-file")).sendKeys(report.toString());
        button("Opladen");
        browsing.await().until(d -> browsing.mainText().contains("Het rapport is opgeladen"));
        browsing.type("number", "F2026-0099");
        WebElement invoiceDate = browsing.driver().findElement(By.id("date"));
        ((JavascriptExecutor) browsing.driver())
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        invoiceDate,
                        LocalDate.now().toString());
        browsing.type("supplier", "0403.170.701");
        browsing.type("excludingVat", "7.500,00");
        browsing.type("vat", "1.575,00");
        browsing.type("total", "9.075,00");
        browsing.driver().findElement(By.id("confirm-complete")).click();
        browsing.check("audit-order-reported");
        button("Afronden");
        browsing.await().until(d -> browsing.mainText().contains("De audit is afgerond en afgerekend"));
        assertThat(browsing.mainText()).contains("€ 6.050,00", "€ 3.025,00", "F2026-0099");
        browsing.check("audit-order-completed");
        signOut();

        browsing.signInAs("iso@appelkerke.invalid");
        browsing.open(path);
        browsing.waitForHeading(reference);
        assertThat(browsing.mainText()).contains("Geen offline back-up", "Afgerond");
        browsing.check("audit-order-settled");
        Object download = ((JavascriptExecutor) browsing.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('a[href$=\"statement.pdf\"]').href)"
                        + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                        + ".catch(e => done('failed ' + e));");
        assertThat(String.valueOf(download)).isEqualTo("200 application/pdf");
        browsing.assertPagesChecked(16);

        assertThat(AuditFixtures.mails(jdbc, "programma@bolwerk.invalid", reference))
                .isEqualTo(3);
        assertThat(AuditFixtures.mails(jdbc, "iso@appelkerke.invalid", reference))
                .isEqualTo(4);
        assertThat(AuditFixtures.mails(jdbc, "auditor@auditkantoor.invalid", reference))
                .isEqualTo(1);
    }

    private void signOut() {
        browsing.driver().findElement(By.cssSelector("form.logout button")).click();
        browsing.await().until(ExpectedConditions.urlContains("/login"));
    }

    private void button(String label) {
        browsing.driver()
                .findElement(By.xpath("//main//button[normalize-space()='" + label + "']"))
                .click();
    }
}
