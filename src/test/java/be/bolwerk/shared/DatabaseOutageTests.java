package be.bolwerk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.bolwerk.identity.DemoTotp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real database outage: stops the PostgreSQL of the test run ({@code pg_ctl -m fast stop}), checks that a
 * signed-in person gets a Dutch 503 page within about two seconds instead of a 500 after ten, that the API
 * answers problem+json, that readiness is down and liveness up; then starts PostgreSQL again and checks that
 * the same session works once more. Runs only in the PostgreSQL run of {@code bin/test}, which hands over how
 * to stop and start its cluster; PostgreSQL is always started again, also when an assertion fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "bolwerk.test.database", matches = "PostgreSQL")
class DatabaseOutageTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    private final JdbcClient jdbc;
    private final HttpClient person = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    // Health probes come from the platform, without the person's session cookie.
    private final HttpClient probe = HttpClient.newHttpClient();

    DatabaseOutageTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void anOutageIsAQuick503AndTheApplicationRecoversWithTheSessionIntact() throws Exception {
        String pgCtl = System.getProperty("bolwerk.test.postgresql.pgctl", "");
        assumeTrue(!pgCtl.isBlank(), "bin/test passes -Dbolwerk.test.postgresql.pgctl and friends");
        signIn();
        assertThat(send(person, "/organisations").statusCode()).isEqualTo(200);

        pgCtl("-m", "fast", "-w", "stop");
        try {
            long started = System.nanoTime();
            HttpResponse<String> page = send(person, "/organisations");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(millis).as("answered within about two seconds").isLessThan(3_000);
            assertThat(page.body()).contains("Tijdelijk niet beschikbaar").doesNotContain("Exception", "jdbc");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

            HttpResponse<String> api = send(person, "/api/v1/organisations");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"status\":503");

            HttpResponse<String> readiness = send(probe, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            HttpResponse<String> liveness = send(probe, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("UP");
        } finally {
            pgCtl(
                    "-w",
                    "-l",
                    System.getProperty("bolwerk.test.postgresql.log"),
                    "-o",
                    System.getProperty("bolwerk.test.postgresql.options"),
                    "start");
        }

        // Recovered by itself, with the same session.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(person, "/organisations").statusCode() == 200);
        assertThat(send(probe, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    /** Runs pg_ctl on the test run's cluster, as the user that owns it when bin/test runs as root. */
    private static void pgCtl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("bolwerk.test.postgresql.pgctl"),
                "-D",
                System.getProperty("bolwerk.test.postgresql.data")));
        command.addAll(List.of(arguments));
        String owner = System.getProperty("bolwerk.test.postgresql.osuser", "");
        if (!owner.isBlank()) {
            StringBuilder line = new StringBuilder();
            for (String part : command) {
                line.append('\'').append(part.replace("'", "'\\''")).append("' ");
            }
            command = List.of("su", owner, "-s", "/bin/sh", "-c", line.toString());
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pg_ctl did not finish: " + command);
        }
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private void signIn() throws Exception {
        Matcher csrf = CSRF.matcher(send(person, "/login").body());
        assertThat(csrf.find()).isTrue();
        post(
                "/login",
                "email=" + URLEncoder.encode("programma@bolwerk.invalid", StandardCharsets.UTF_8)
                        + "&password=bolwerk-demo-2026&_csrf=" + csrf.group(1));
        DemoTotp.forgetUsedCodes(jdbc, "programma@bolwerk.invalid");
        Matcher mfaCsrf = CSRF.matcher(send(person, "/mfa").body());
        assertThat(mfaCsrf.find()).isTrue();
        post("/mfa/code", "code=" + DemoTotp.currentCode() + "&_csrf=" + mfaCsrf.group(1));
    }

    private void post(String path, String form) throws IOException, InterruptedException {
        person.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
