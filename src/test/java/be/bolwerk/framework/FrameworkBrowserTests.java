package be.bolwerk.framework;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The framework life cycle in headless Chromium, every page checked with axe-core: the programme officer imports
 * a real NIST catalog without saying its format, finds it as a draft that the organisation's ISO cannot see,
 * publishes it, and the ISO then finds it in the library, with the requirement of each control laid out, and
 * can start a self-evaluation on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrameworkBrowserTests {

    private static final String CODE = "nist-ac2-browser";

    @LocalServerPort
    private int port;

    private final JdbcClient jdbc;

    private Browsing officer;
    private Browsing iso;

    FrameworkBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void open() {
        jdbc.sql("DELETE FROM framework_version WHERE code = :code")
                .param("code", CODE)
                .update();
        officer = new Browsing(port, jdbc);
        iso = new Browsing(port, jdbc);
    }

    @AfterEach
    void close() {
        officer.close();
        iso.close();
        jdbc.sql("DELETE FROM framework_version WHERE code = :code")
                .param("code", CODE)
                .update();
    }

    @Test
    void anImportedCatalogIsADraftUntilTheProgrammeOfficePublishesIt() {
        WebDriver browser = officer.driver();
        officer.signInAs("programma@bolwerk.invalid");
        officer.waitForHeading("Welkom");
        officer.open("/frameworks");
        officer.waitForHeading("Raamwerken");
        browser.findElement(By.id("file"))
                .sendKeys(TestFiles.NIST_AC2_PART.toAbsolutePath().normalize().toString());
        browser.findElement(By.id("code")).sendKeys(CODE);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        officer.waitForHeading("Een raamwerk importeren");
        officer.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("import-progress"), "Het raamwerk is geïmporteerd."));
        officer.check("framework-import-draft-done");
        String detail = browser.findElement(By.linkText("Bekijk het raamwerk")).getAttribute("href");
        String path = detail.substring(detail.indexOf("/frameworks/"));

        browser.findElement(By.linkText("Bekijk het raamwerk")).click();
        officer.waitForHeading("NIST Special Publication 800-53");
        browser.findElement(By.cssSelector("details.framework-control summary")).click();
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Ontwerp", "Eis", "Toelichting", "Specify:")
                .doesNotContain("{{");
        officer.check("framework-draft");

        iso.signInAs("iso@appelkerke.invalid");
        iso.waitForHeading("Welkom");
        iso.open("/frameworks");
        iso.waitForHeading("Raamwerken");
        assertThat(iso.driver().getPageSource()).doesNotContain(path);

        browser.findElement(By.cssSelector("form[action$='/publish'] button[type=submit]"))
                .click();
        officer.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "Het raamwerk is gepubliceerd."));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Gepubliceerd");
        officer.check("framework-published");

        iso.open("/frameworks");
        iso.waitForHeading("Raamwerken");
        iso.check("frameworks-organisation");
        iso.driver().findElement(By.cssSelector("a[href$='" + path + "']")).click();
        iso.waitForHeading("NIST Special Publication 800-53");
        iso.driver()
                .findElement(By.cssSelector("details.framework-control summary"))
                .click();
        assertThat(iso.driver().findElement(By.tagName("main")).getText())
                .contains("Gepubliceerd", "Specify:")
                .doesNotContain("Publiceren");
        iso.check("framework-organisation-detail");
        iso.open("/assessments");
        iso.waitForHeading("Zelfevaluaties");
        assertThat(iso.driver().findElement(By.id("frameworkVersionId")).getText())
                .contains("NIST Special Publication 800-53");

        officer.assertPagesChecked(4);
        iso.assertPagesChecked(3);
    }
}
