package be.bolwerk.funding;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme officer's budget in a real browser: open a line, adjust its credit (first below what is
 * committed, refused, then right), see the figures and the drawn chart, download the ledger. axe-core checks
 * every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BudgetBrowserTests {

    @LocalServerPort
    int port;

    private final JdbcClient jdbc;
    private final Funding funding;

    private Browsing browsing;
    private final String name =
            "Basisaudits browser " + UUID.randomUUID().toString().substring(0, 8);

    BudgetBrowserTests(@Autowired JdbcClient jdbc, @Autowired Funding funding) {
        this.jdbc = jdbc;
        this.funding = funding;
    }

    @BeforeEach
    void open() {
        browsing = new Browsing(port, jdbc);
    }

    @AfterEach
    void close() {
        browsing.close();
    }

    @Test
    void theOfficerOpensAdjustsAndReadsABudgetLine() {
        int year = LocalDate.now().getYear();
        browsing.signInAs("programma@bolwerk.invalid");
        browsing.open("/budget");
        browsing.waitForHeading("Budget");
        browsing.check("budget-lines");

        browsing.driver().findElement(By.linkText("Begrotingslijn openen")).click();
        browsing.waitForHeading("Begrotingslijn openen");
        browsing.check("budget-line-form");
        browsing.type("name", name);
        browsing.type("year", String.valueOf(year));
        new Select(browsing.driver().findElement(By.id("purpose"))).selectByValue("BASIC_AUDITS");
        browsing.type("owner", "Agentschap Binnenlands Bestuur");
        browsing.date("validFrom", LocalDate.of(year, 1, 1));
        browsing.date("validUntil", LocalDate.of(year, 12, 31));
        browsing.type("credit", "20.000,00");
        submit();
        browsing.waitForHeading(name);
        assertThat(browsing.mainText()).contains("De begrotingslijn is geopend", "€ 20.000,00");

        BudgetLineId line = new BudgetLineId(jdbc.sql("SELECT id FROM budget_line WHERE name = :name")
                .param("name", name)
                .query(UUID.class)
                .single());
        funding.reserve(
                line, new Reservation("Basisaudit Appelkerke", null, new java.math.BigDecimal("6050.00"), false, null));

        browsing.driver().findElement(By.linkText("Aanpassen")).click();
        browsing.waitForHeading("Begrotingslijn aanpassen");
        browsing.type("credit", "6.000,00");
        submit();
        browsing.waitForHeading("Begrotingslijn aanpassen");
        assertThat(browsing.mainText()).contains("Het krediet kan niet lager dan € 6.050,00");
        browsing.check("budget-line-adjust-refused");
        browsing.type("credit", "15.000,00");
        submit();
        browsing.waitForHeading(name);
        assertThat(browsing.mainText())
                .contains("De begrotingslijn is aangepast", "€ 15.000,00", "€ 6.050,00", "€ 8.950,00");
        // The chart is drawn: the script sized the canvas to the page.
        WebElement canvas = browsing.driver().findElement(By.cssSelector("canvas.budget-chart__canvas"));
        browsing.await()
                .until(d -> canvas.getAttribute("style") != null
                        && canvas.getAttribute("style").contains("width"));
        browsing.check("budget-line");

        Object download = ((JavascriptExecutor) browsing.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('a[href$=\"ledger.xlsx\"]').href)"
                        + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                        + ".catch(e => done('failed ' + e));");
        assertThat(String.valueOf(download))
                .isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        browsing.assertPagesChecked(5);
    }

    private void submit() {
        browsing.clickToLoad(By.cssSelector("form.form button[type=submit]"));
    }
}
