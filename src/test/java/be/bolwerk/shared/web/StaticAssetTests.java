package be.bolwerk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Static files and pages as a browser receives them from the real server (compression happens in Tomcat, which
 * MockMvc leaves out): text compressed, the layout's files behind fingerprinted addresses kept for a year, any
 * other static address revalidated, pages never stored (ADR 0022).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetTests {

    private static final Pattern LAYOUT_FILE =
            Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+-[0-9a-f]{32}\\.(?:css|js))\"");

    @LocalServerPort
    private int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesAreCompressedAndNeverStored() {
        HttpResponse<byte[]> page = get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Encoding"));
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(gunzip(page.body())).contains("<h1>Aanmelden bij Bolwerk</h1>");
    }

    @Test
    void theLayoutsFilesHaveFingerprintsAndAreKeptForAYear() {
        List<String> files = layoutFiles();
        assertThat(files)
                .as("style sheet, htmx and bolwerk.js of the layout")
                .hasSize(3)
                .anySatisfy(f -> assertThat(f).startsWith("/css/bolwerk-"))
                .anySatisfy(f -> assertThat(f).startsWith("/js/bolwerk-"))
                .anySatisfy(f -> assertThat(f).startsWith("/webjars/htmx.org/"));
        for (String file : files) {
            HttpResponse<byte[]> answer = get(file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control"))
                    .as(file)
                    .hasValue("public, max-age=31536000, immutable");
            assertThat(answer.headers().firstValue("Content-Encoding")).as(file).hasValue("gzip");
            assertThat(answer.headers().firstValue("Pragma")).as(file).isEmpty();
        }
    }

    @Test
    void aFileWithoutFingerprintMayBeKeptButIsCheckedOnEveryUse() {
        HttpResponse<byte[]> plain = get("/css/bolwerk.css");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String modified = plain.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri("/css/bolwerk.css"))
                .header("If-Modified-Since", modified)
                .header("Accept-Encoding", "gzip")
                .build());
        assertThat(again.statusCode()).as("unchanged since the browser's copy").isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anOldOrMadeUpFingerprintIsNotFoundAndNotCachedForAYear() {
        String current = layoutFiles().stream()
                .filter(f -> f.startsWith("/css/"))
                .findFirst()
                .orElseThrow();
        String old = current.replaceFirst("-[0-9a-f]{32}\\.", "-0123456789abcdef0123456789abcdef.");

        HttpResponse<byte[]> answer = get(old);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(
                        v -> assertThat(v).doesNotContain("immutable").doesNotContain("max-age=3"));
    }

    private List<String> layoutFiles() {
        Matcher file = LAYOUT_FILE.matcher(gunzip(get("/login").body()));
        List<String> files = new ArrayList<>();
        while (file.find()) {
            files.add(file.group(1));
        }
        return files;
    }

    private HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept-Encoding", "gzip")
                .build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
