package be.bolwerk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a browser: an organisation admin reads the results of a half-answered evaluation (partial score, missing
 * key measures, radar with short labels on the full 0–5 scale), takes the draft report, and the platform admin
 * finds that export in the audit trail as a Dutch sentence. Each page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentsBrowserTests {

    private final JdbcClient jdbc;

    @RegisterExtension
    final Browsing browsing = new Browsing();

    DocumentsBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void resultsThenTheDraftReportThenItsAuditRow() {
        UUID organisation = jdbc.sql("""
                        SELECT m.organisation_id FROM membership m JOIN user_account a ON a.id = m.user_account_id
                        WHERE a.email = 'iso@appelkerke.invalid'
                        """).query(UUID.class).single();
        jdbc.sql("DELETE FROM assessment WHERE organisation_id = :org")
                .param("org", organisation)
                .update();
        UUID id = Fixtures.storedAssessment(
                jdbc,
                organisation,
                Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"),
                Fixtures.THIS_YEAR,
                "DRAFT",
                null,
                null);
        Fixtures.storedAnswer(jdbc, organisation, id, "AD01.1", 5, 5, null, 1);

        browsing.signInAs("iso@appelkerke.invalid");
        browsing.waitForHeading("Welkom");
        browsing.open("/assessments/" + id + "/results");
        browsing.waitForHeading("Resultaten");
        browsing.await().until(d -> d.findElement(By.cssSelector("canvas[data-drawn]")));
        String main = browsing.driver().findElement(By.tagName("main")).getText();
        assertThat(main)
                .contains("Voorlopige score: 1 van 32 maatregelen beantwoord")
                .contains("7 sleutelmaatregel(en) zijn nog niet beantwoord")
                .doesNotContain("Geen werkpunten");
        JavascriptExecutor js = (JavascriptExecutor) browsing.driver();
        @SuppressWarnings("unchecked")
        List<Object> radar = (List<Object>) js.executeScript("""
                var chart = window.Chart.getChart(document.querySelector("canvas[data-figure=radar]"));
                return [chart.data.labels[0], chart.options.scales.r.min, chart.options.scales.r.max,
                        chart.data.datasets[0].pointStyle];
                """);
        assertThat(radar).containsExactly("AD01", 0L, 5L, "circle");
        browsing.check("documents-results-draft");

        String report = browsing.driver()
                .findElement(By.linkText("Ontwerprapport (PDF, nog niet ingediend)"))
                .getAttribute("href");
        @SuppressWarnings("unchecked")
        List<Object> pdf = (List<Object>) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) {
                  return r.arrayBuffer().then(function (b) { done([r.headers.get("content-type"), b.byteLength]); });
                });
                """, report);
        assertThat(pdf.get(0)).isEqualTo("application/pdf");
        assertThat((Long) pdf.get(1)).isGreaterThan(10_000L);

        browsing.driver().manage().deleteAllCookies();
        browsing.signInAs("beheer@bolwerk.invalid");
        browsing.waitForHeading("Welkom");
        browsing.open("/admin/audit?type=EXPORT&organisation=Gemeente+Appelkerke");
        browsing.waitForHeading("Audittrail");
        assertThat(browsing.driver().findElement(By.tagName("main")).getText())
                .contains("Ontwerprapport (PDF) van Quick scan actiedomeinen " + Fixtures.THIS_YEAR
                        + ", nog niet ingediend")
                .doesNotContain("audit.detail");
        browsing.check("documents-audit-trail");
        browsing.assertPagesChecked(4);
    }

    /** The programme's distribution chart: each organisation type's bars carry a fill pattern, not colour alone. */
    @Test
    void programmeChartSeriesDifferByPattern() {
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        browsing.signInAs("programma@bolwerk.invalid");
        browsing.waitForHeading("Welkom");
        browsing.open("/programme/assessments?year=" + Fixtures.THIS_YEAR + "&framework=" + framework);
        browsing.waitForHeading("Zelfevaluaties");
        browsing.await().until(d -> d.findElement(By.cssSelector("canvas[data-figure=bar][data-drawn]")));
        @SuppressWarnings("unchecked")
        List<Object> fills = (List<Object>) ((JavascriptExecutor) browsing.driver()).executeScript("""
                var chart = window.Chart.getChart(document.querySelector("canvas[data-figure=bar]"));
                return chart.data.datasets.map(function (set) {
                  return set.backgroundColor instanceof CanvasPattern;
                });
                """);
        assertThat(fills).isNotEmpty().allMatch(Boolean.TRUE::equals);
        browsing.check("documents-programme-chart");
        browsing.assertPagesChecked(2);
    }
}
