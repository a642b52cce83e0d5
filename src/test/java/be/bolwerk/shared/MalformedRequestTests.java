package be.bolwerk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests so malformed that they are refused before the application sees them — by Spring Security's firewall
 * or by Tomcat itself — still get the same security headers as every other answer and a Dutch page without
 * server details. Sent over a raw socket: an HTTP client would clean these paths up before sending them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

    @LocalServerPort
    private int port;

    /** A raw answer: status code, headers (lower-case names) and body. */
    private record Answer(int status, Map<String, String> headers, String body) {}

    @ParameterizedTest
    @ValueSource(strings = {"//evil.invalid/", "/x/%00", "/x/%ZZ", "/x/%2e%2e/%2e%2e/etc", "/x;jsessionid=1/..;/y"})
    void aRefusedRequestCarriesTheSecurityHeadersAndADutchPage(String path) throws IOException {
        Answer answer = send(path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers())
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "strict-origin-when-cross-origin")
                .containsKey("permissions-policy");
        assertThat(answer.headers().get("content-security-policy"))
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(answer.headers().get("content-type")).startsWith("text/html");
        assertThat(answer.body())
                .contains("lang=\"nl\"", "Deze aanvraag kon niet worden verwerkt")
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContain("Exception", "at org.", "evil.invalid", "<script>", "style=");
    }

    private Answer send(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.merge(
                        head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }
}
