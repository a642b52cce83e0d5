package be.bolwerk;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the machine's own headless Chromium for browser tests. The browser and its driver are looked up on the
 * PATH (or taken from {@code BOLWERK_CHROMIUM} / {@code BOLWERK_CHROMEDRIVER}); a downloaded browser is never
 * used because this network cannot fetch one. When either is missing the test fails with the command that
 * installs them, instead of an obscure Selenium Manager error.
 */
public final class Chromium {

    private static final String MISSING =
            "Browser tests need Chromium and ChromeDriver (%s not found). ./bin/test installs them; or run "
                    + "'apt-get install chromium chromium-driver', or set BOLWERK_CHROMIUM and BOLWERK_CHROMEDRIVER.";

    public static WebDriver start(String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(locate("BOLWERK_CHROMIUM", "chromium", "chromium-browser", "google-chrome")
                .toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        locate("BOLWERK_CHROMEDRIVER", "chromedriver").toFile())
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new ChromeDriver(service, options);
    }

    static Path locate(String variable, String... names) {
        return Executables.locate(variable, MISSING, names);
    }

    private Chromium() {}
}
