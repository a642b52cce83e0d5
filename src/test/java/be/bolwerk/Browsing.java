package be.bolwerk;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.identity.DemoTotp;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One person's headless Chromium walking Bolwerk's pages, for every browser test class: open a page, sign in with
 * both steps as a demo persona, wait for a page, and {@link #check} each page with axe-core (WCAG 2.1 A/AA) at
 * desktop width and again on a phone (390 px, plus WCAG 2.2 AA: touch targets), with a check that the page never
 * scrolls sideways at 390 and 320 px (WCAG 1.4.10 reflow), keeping screenshots under target/screenshots. A test
 * ends with {@link #assertPagesChecked} so that a page left out of the checks fails instead of shrinking the
 * accessibility coverage unnoticed. A test class registers it as an extension, which starts a fresh browser on
 * the test's server before each test and closes it after:
 *
 * <pre>
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT)
 * class CampaignBrowserTests {
 *     &#64;RegisterExtension
 *     final Browsing browsing = new Browsing();
 * }
 * </pre>
 *
 * A second person in the same test opens their own with {@code try (Browsing other = new Browsing(port, jdbc))}.
 */
public final class Browsing implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** The demo accounts' password (demo profile only; the production profile refuses it). */
    public static final String DEMO_PASSWORD = "bolwerk-demo-2026";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<String> DESKTOP_RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> PHONE_RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** A common phone, where axe runs too, and the 320 CSS px of WCAG 1.4.10 (1280 px at 400 % zoom). */
    private static final int PHONE = 390;

    private static final int NARROWEST = 320;

    private static final int PHONE_HEIGHT = 844;

    private static final String FITS =
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                    + " && document.documentElement.clientWidth <= window.innerWidth;";

    /**
     * The innermost elements whose right edge passes the viewport's, first five, as tag.class#id; leaving out
     * those a scrolling region clips (a wide table in its .table-wrap), which do not widen the page.
     */
    private static final String CULPRITS = """
            const limit = document.documentElement.clientWidth;
            // An absolutely positioned element is clipped only by a region at or around its containing block.
            const clipped = e => {
              const position = getComputedStyle(e).position;
              if (position === 'fixed') {
                return false;
              }
              let a = position === 'absolute' ? e.offsetParent : e.parentElement;
              for (; a && a !== document.body; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= limit + 0.5) {
                  return true;
                }
              }
              return false;
            };
            const wide = [...document.body.querySelectorAll('*')].filter(e => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.right > limit + 0.5 && !clipped(e);
            });
            return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 5).map(e =>
              e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
              + (e.id ? '#' + e.id : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)').join(', ');
            """;

    private final List<String> pagesChecked = new ArrayList<>();
    private int port;
    private JdbcClient jdbc;
    private WebDriver driver;
    private WebDriverWait wait;

    /** The extension form: the browser starts before each test of the class that registers it. */
    public Browsing() {}

    /** A browser of its own, for a second person in one test; close it (try-with-resources). */
    public Browsing(int port, JdbcClient jdbc) {
        start(port, jdbc);
    }

    private void start(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.pagesChecked.clear();
        // Hidden scrollbars, as on phones: a classic scrollbar would take 15 px of the 320 px the page must fit.
        this.driver = Chromium.start("--window-size=1280,1000", "--lang=nl", "--hide-scrollbars");
        // A condition that reads the page while htmx swaps it or a form submit reloads it can hold an element
        // that is gone a moment later; the next poll reads the new page instead of failing the test. Chromium 156
        // reports some of these not as a stale element but as an "unknown error" ("Node with given id does not
        // belong to the document"), a plain WebDriverException, so the waits ignore those too: a real failure
        // still ends the wait after ten seconds, with the last exception as its cause.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        start(
                Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port")),
                application.getBean(JdbcClient.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to ten seconds, the same for every browser test. */
    public WebDriverWait await() {
        return wait;
    }

    public void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Both steps, as a person does them on the sign-in page: password, then the code of the authenticator app. */
    public void signIn(String email) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForHeading("Tweede stap");
        check("second-step-" + email.substring(0, email.indexOf('@')));
        DemoTotp.forgetUsedCodes(jdbc, email);
        driver.findElement(By.id("code")).sendKeys(DemoTotp.currentCode());
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        // A test that opens its next page straight away would otherwise abort the code's POST in a slow browser
        // and land on the sign-in page: wait until the second step has answered with the page asked for.
        wait.until(d -> {
            String url = d.getCurrentUrl();
            return url != null && !url.contains("/mfa") && !url.contains("/login");
        });
    }

    /**
     * Clicks what sends a form or follows a link and waits until the browser has left this page. When the next page
     * carries the same heading (a refusal, or a change shown on the page it was made on), waiting for the heading
     * alone can return at once and read the old page while Chromium swaps documents.
     */
    public void clickToLoad(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        wait.until(ExpectedConditions.stalenessOf(page));
    }

    /** Opens the sign-in page and signs in: the start of most flows. */
    public void signInAs(String email) {
        open("/login");
        signIn(email);
    }

    /**
     * Waits for the next page's heading. While the browser swaps documents, Chromium can answer a lookup with
     * "node does not belong to the document"; that only means the new page is not there yet.
     */
    public void waitForHeading(String text) {
        wait.until(d -> {
            try {
                return d.findElement(By.tagName("h1")).getText().contains(text);
            } catch (WebDriverException notYet) {
                return false;
            }
        });
    }

    /**
     * Runs axe-core on the current page at desktop width, then at phone width, and fails on any WCAG 2.1 A/AA
     * violation (on the phone also WCAG 2.2 AA, for 24 px touch targets) or when the page scrolls sideways at 390
     * or 320 px; keeps a screenshot of both widths. The desktop size is restored before the test goes on.
     */
    public void check(String name) {
        screenshot(name);
        analyse(name, DESKTOP_RULES);
        try {
            emulateWidth(NARROWEST);
            assertNoSidewaysScrolling(name, NARROWEST);
            emulateWidth(PHONE);
            assertNoSidewaysScrolling(name, PHONE);
            screenshot(name + "-phone");
            analyse(name + " (phone)", PHONE_RULES);
        } finally {
            atDesktopWidth();
        }
        pagesChecked.add(name);
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            String database = System.getProperty("bolwerk.test.database", "H2").toLowerCase();
            Files.copy(shot, SCREENSHOTS.resolve(database + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void analyse(String name, List<String> tags) {
        Results results = new AxeBuilder().withTags(tags).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as("accessibility violations on %s (%s):%n%s", name, driver.getCurrentUrl(), describe(violations))
                .isEmpty();
        // A run that applied no rule at all (axe not injected, an empty document) would report no violation either.
        assertThat(results.getPasses())
                .as("axe-core rules that passed on %s", name)
                .isNotEmpty();
    }

    /** Goes on at the width of a phone (390 px) until {@link #atDesktopWidth}; {@link #check} restores desktop. */
    public void atPhoneWidth() {
        emulateWidth(PHONE);
    }

    public void atDesktopWidth() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The viewport of a phone held upright, without the phone's zoom-out that would hide a too-wide page. */
    private void emulateWidth(int width) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        // The page learns its new size a moment after the command returns; media queries follow then.
        wait.until(
                d -> Long.valueOf(width).equals(((JavascriptExecutor) d).executeScript("return window.innerWidth;")));
    }

    /**
     * Waits briefly, because charts and other responsive parts resize themselves a moment after the viewport
     * changes; then names the elements that stick out, so the failure says where to look.
     */
    private void assertNoSidewaysScrolling(String name, int width) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        try {
            new WebDriverWait(driver, Duration.ofSeconds(2))
                    .until(d -> Boolean.TRUE.equals(script.executeScript(FITS)));
        } catch (TimeoutException tooWide) {
            Object widths = script.executeScript(
                    "return document.documentElement.scrollWidth + ' px wide in a viewport of ' + window.innerWidth");
            Object culprits = script.executeScript(CULPRITS);
            throw new AssertionError("%s scrolls sideways at %d px (%s): %s; elements that stick out: %s"
                    .formatted(name, width, driver.getCurrentUrl(), widths, culprits));
        }
    }

    /** The text of the page's main region, as a person reads it. */
    public String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** Replaces what the field with this id holds by {@code value}, typed key by key. */
    public void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Date fields take typed dates in the browser's locale; the value property is the same everywhere. */
    public void date(String id, LocalDate value) {
        WebElement field = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value.toString());
        wait.until(ExpectedConditions.attributeToBe(field, "value", value.toString()));
    }

    /** Every page of the flow was checked: a page left out, or a check that stopped being called, fails here. */
    public void assertPagesChecked(int pagesOfTheFlow) {
        assertThat(pagesChecked).as("pages checked by axe-core in this flow").hasSize(pagesOfTheFlow);
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> "- " + v.getId() + ": " + v.getHelp() + " -> "
                        + v.getNodes().stream().map(n -> n.getHtml()).limit(3).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
    }
}
