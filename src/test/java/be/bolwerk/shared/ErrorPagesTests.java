package be.bolwerk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.identity.DemoTotp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Error pages as a real servlet container produces them (MockMvc does not dispatch to /error): Dutch pages for
 * people, problem+json for the API, never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

    @LocalServerPort
    private int port;

    private final JdbcClient jdbc;

    ErrorPagesTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private HttpClient http;

    @BeforeEach
    void signIn() throws Exception {
        http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String loginPage = get("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "email=" + URLEncoder.encode("programma@bolwerk.invalid", StandardCharsets.UTF_8)
                + "&password=bolwerk-demo-2026&_csrf=" + csrf.group(1);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));

        DemoTotp.forgetUsedCodes(jdbc, "programma@bolwerk.invalid");
        Matcher mfaCsrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get("/mfa").body());
        assertThat(mfaCsrf.find()).isTrue();
        HttpResponse<String> second = sendCurrentCode(http, mfaCsrf.group(1));
        assertThat(second.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(get("/").statusCode()).as("home after both sign-in steps").isEqualTo(200);
    }

    @Test
    void anUploadOverTheLimitIsA413PageNotAServerError() throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get("/frameworks").body());
        assertThat(csrf.find()).isTrue();
        String boundary = "bolwerk" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOSCAL\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"groot.json\"\r\n"
                        + "Content-Type: application/json\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 21 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, body.length - tail.length, (byte) ' ');
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/frameworks/imports"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-CSRF-TOKEN", csrf.group(1))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body())
                .contains("Bestand te groot", "Er is niets opgeslagen")
                .doesNotContain("Exception");
        // Refused before sign-in is looked at, so the audit row knows the address and the path, not the person.
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_event
                        WHERE event_type = 'UPLOAD_REFUSED' AND details LIKE '%/frameworks/imports%audit.reason.tooLarge%'
                          AND client_address IS NOT NULL
                        """).query(Long.class).single()).isPositive();
    }

    @Test
    void unknownPageShowsTheDutchNotFoundPage() throws Exception {
        HttpResponse<String> response = get("/does-not-exist");

        assertThat(response.statusCode()).as("%s", response.headers().map()).isEqualTo(404);
        assertThat(response.body())
                .contains("Pagina niet gevonden", "Naar de startpagina")
                .doesNotContain("Exception", "Whitelabel", "at org.");
    }

    @Test
    void unknownApiPathIsAProblemDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"title\":\"Niet gevonden\"").doesNotContain("Exception", "trace");
    }

    @Test
    void wrongMethodOnAPageIsAnsweredWithoutServerError() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/organisations/new"))
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void throttledSignInShowsTheDutchWaitMessageWith429() throws Exception {
        HttpClient stranger = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String unknown = "throttle-" + java.util.UUID.randomUUID() + "@nergens.invalid";
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt <= 5; attempt++) {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(stranger.send(
                                    HttpRequest.newBuilder(uri("/login")).GET().build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body());
            assertThat(csrf.find()).isTrue();
            last = stranger.send(
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "email=" + URLEncoder.encode(unknown, StandardCharsets.UTF_8)
                                            + "&password=wrong-password&_csrf=" + csrf.group(1)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("Er waren te veel mislukte pogingen", "Aanmelden bij Bolwerk");
    }

    /**
     * In a real container, unlike MockMvc, the refused code is forwarded to the second-factor page: it must still
     * know the password step (Spring's authentication filter clears the context before its failure handler).
     */
    @Test
    void throttledSecondStepShowsTheDutchWaitMessageWith429() throws Exception {
        String email = "redactie@vereniging.invalid";
        HttpClient person = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Pattern token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        Matcher loginCsrf = token.matcher(
                person.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        assertThat(loginCsrf.find()).isTrue();
        person.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                        + "&password=bolwerk-demo-2026&_csrf=" + loginCsrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String key = "fa:"
                + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(email.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key")
                .param("key", key)
                .update();
        jdbc.sql("""
                        INSERT INTO login_throttle (throttle_key, failures, last_failure_at, blocked_until)
                        VALUES (:key, 5, CURRENT_TIMESTAMP, :until)
                        """)
                .param("key", key)
                .param("until", java.time.OffsetDateTime.now().plusMinutes(3))
                .update();
        try {
            Matcher mfaCsrf = token.matcher(
                    person.send(HttpRequest.newBuilder(uri("/mfa")).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .body());
            assertThat(mfaCsrf.find()).isTrue();
            DemoTotp.forgetUsedCodes(jdbc, email);
            HttpResponse<String> refused = sendCurrentCode(person, mfaCsrf.group(1));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("Tweede stap", "Er waren te veel verkeerde codes. Wacht 3 minuten");
        } finally {
            jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = :key")
                    .param("key", key)
                    .update();
        }
    }

    /** The second sign-in step through a real client: the demo authenticator's current code and the page's token. */
    private HttpResponse<String> sendCurrentCode(HttpClient client, String csrf)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri("/mfa/code"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("code=" + DemoTotp.currentCode() + "&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
