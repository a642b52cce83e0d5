package be.bolwerk.shared.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import be.bolwerk.identity.DemoTotp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The header on a phone: the menu sits behind a menu button (a disclosure that needs no script) and opens to
 * links that lead on; before the second factor there is no menu at all, only signing out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneBrowserTests {

    private static final String OFFICER = "programma@bolwerk.invalid";

    private final JdbcClient jdbc;

    @RegisterExtension
    final Browsing browsing = new Browsing();

    private WebDriver browser;

    PhoneBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void open() {
        browser = browsing.driver();
    }

    @Test
    void theSecondStepOffersNoMenuThenThePhoneMenuOpensAndLeadsOn() {
        browsing.atPhoneWidth();
        browsing.open("/login");
        browser.findElement(By.id("email")).sendKeys(OFFICER);
        browser.findElement(By.id("password")).sendKeys(Browsing.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        browsing.waitForHeading("Tweede stap");
        // Every menu link would only lead back here: none is shown, on no width; signing out is.
        assertThat(browser.findElements(By.cssSelector("nav.main-nav, details.phone-menu")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href='/account/sessions']")))
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("form.logout button")).isDisplayed())
                .isTrue();
        browsing.check("phone-second-step");

        DemoTotp.forgetUsedCodes(jdbc, OFFICER);
        browser.findElement(By.id("code")).sendKeys(DemoTotp.currentCode());
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        // The start page (whatever its heading) once signed in, loaded to the end: the click does not wait for it.
        // Longer than the usual ten seconds: the programme's start page sums up 300 organisations.
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("details.phone-menu"))
                                .isEmpty()
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        browsing.atPhoneWidth(); // check(..) went back to desktop
        WebElement menuButton = browser.findElement(By.cssSelector("details.phone-menu > summary"));
        WebElement frameworks = browser.findElement(By.cssSelector(".phone-menu__panel a[href='/frameworks']"));
        assertThat(browser.findElement(By.cssSelector("nav.main-nav")).isDisplayed())
                .as("the row of links on a phone")
                .isFalse();
        assertThat(menuButton.isDisplayed()).isTrue();
        assertThat(frameworks.isDisplayed()).as("a link of the closed menu").isFalse();
        assertThat(menuButton.getSize().getHeight()).as("menu button height").isGreaterThanOrEqualTo(24);

        menuButton.click();
        assertThat(frameworks.isDisplayed()).as("a link of the opened menu").isTrue();
        assertThat(frameworks.getSize().getHeight()).as("menu link height").isGreaterThanOrEqualTo(24);
        assertThat(browser.findElement(By.cssSelector(".phone-menu__panel form button"))
                        .isDisplayed())
                .as("signing out from the menu")
                .isTrue();
        browsing.check("phone-menu-open");

        browsing.atPhoneWidth(); // the menu is still open
        browser.findElement(By.cssSelector(".phone-menu__panel a[href='/frameworks']"))
                .click();
        browsing.waitForHeading("Raamwerken");
        browser.findElement(By.cssSelector("details.phone-menu > summary")).click();
        assertThat(browser.findElement(By.cssSelector(".phone-menu__panel a[aria-current='page']"))
                        .getAttribute("href"))
                .endsWith("/frameworks");
        browsing.check("phone-frameworks");
        browsing.assertPagesChecked(3);
    }
}
