package be.bolwerk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
        Optional<Path> configured = Optional.ofNullable(System.getenv(variable))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            if (!Files.isExecutable(configured.get())) {
                throw new IllegalStateException(MISSING.formatted(variable + "=" + configured.get()));
            }
            return configured.get();
        }
        List<Path> path = Stream.of(
                        System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .toList();
        return Stream.of(names)
                .flatMap(name -> path.stream().map(dir -> dir.resolve(name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(MISSING.formatted(String.join(" / ", names))));
    }

    private Chromium() {}
}
