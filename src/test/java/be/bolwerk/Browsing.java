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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One person's headless Chromium walking Bolwerk's pages, for every browser test class: open a page, sign in with
 * both steps as a demo persona, wait for a page, and {@link #check} each page with axe-core (WCAG 2.1 A/AA) while
 * keeping a screenshot under target/screenshots. A test ends with {@link #assertPagesChecked} so that a page left
 * out of the checks fails instead of shrinking the accessibility coverage unnoticed. Close it after each test.
 *
 * <pre>
 * &#64;SpringBootTest(webEnvironment = RANDOM_PORT)
 * class CampaignBrowserTests {
 *     &#64;LocalServerPort int port;
 *     &#64;Autowired JdbcClient jdbc;
 *     Browsing browsing;
 *     &#64;BeforeEach void open() { browsing = new Browsing(port, jdbc); }
 *     &#64;AfterEach void close() { browsing.close(); }
 * }
 * </pre>
 */
public final class Browsing implements AutoCloseable {

    /** The demo accounts' password (demo profile only; the production profile refuses it). */
    public static final String DEMO_PASSWORD = "bolwerk-demo-2026";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int port;
    private final JdbcClient jdbc;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final List<String> pagesChecked = new ArrayList<>();

    public Browsing(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.driver = Chromium.start("--window-size=1280,1000", "--lang=nl");
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
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

    /** Runs axe-core on the current page, fails on any WCAG 2.1 A/AA violation, and keeps a screenshot. */
    public void check(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            String database = System.getProperty("bolwerk.test.database", "H2").toLowerCase();
            Files.copy(shot, SCREENSHOTS.resolve(database + "-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as("accessibility violations on %s (%s):%n%s", name, driver.getCurrentUrl(), describe(violations))
                .isEmpty();
        // A run that applied no rule at all (axe not injected, an empty document) would report no violation either.
        assertThat(results.getPasses())
                .as("axe-core rules that passed on %s", name)
                .isNotEmpty();
        pagesChecked.add(name);
    }

    /** Every page of the flow was checked: a page left out, or a check that stopped being called, fails here. */
    public void assertPagesChecked(int pagesOfTheFlow) {
        assertThat(pagesChecked).as("pages checked by axe-core in this flow").hasSize(pagesOfTheFlow);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(v -> "- " + v.getId() + ": " + v.getHelp() + " -> "
                        + v.getNodes().stream().map(n -> n.getHtml()).limit(3).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
    }
}
