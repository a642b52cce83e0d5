package be.bolwerk.shared.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A part is rendered once per template, language and values, compared by content, and kept (ADR 0047): equal values
 * in new objects get the kept HTML, other values or another language never do, and what was typed is escaped.
 */
@SpringBootTest
class KeptRenderingTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final KeptRendering rendering;

    KeptRenderingTests(@Autowired KeptRendering rendering) {
        this.rendering = rendering;
    }

    @Test
    void equalValuesGetTheKeptHtmlOthersTheirOwn() {
        String first = rendering.html("test/kept", DUTCH, Map.of("word", new String("back-up"), "rows", List.of(1, 2)));
        String again = rendering.html("test/kept", DUTCH, Map.of("word", new String("back-up"), "rows", List.of(1, 2)));
        assertThat(first).contains("<p>back-up</p><p>Nieuw</p>");
        assertThat(again).as("rendered once, kept for equal values").isSameAs(first);

        String other = rendering.html("test/kept", DUTCH, Map.of("word", "firewall", "rows", List.of(1, 2)));
        assertThat(other).contains("<p>firewall</p>").isNotSameAs(first);
        assertThat(rendering.html("test/kept", DUTCH, Map.of("word", "back-up", "rows", List.of(1, 3))))
                .as("any value differing is another key")
                .isNotSameAs(first);
        assertThat(rendering.html("test/kept", Locale.ENGLISH, Map.of("word", "back-up", "rows", List.of(1, 2))))
                .contains("<p>back-up</p><p>New</p>");
    }

    @Test
    void whatWasTypedIsEscapedWhenRenderedAndWhenKept() {
        for (int i = 0; i < 2; i++) {
            assertThat(rendering.html("test/kept", DUTCH, Map.of("word", "<script>alert('x')</script>")))
                    .contains("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
                    .doesNotContain("<script>");
        }
    }

    /**
     * Unescaped output only where a kept part is inserted (ADR 0047, ASVS 1.2.1): every other value goes through
     * {@code th:text}. A new {@code th:utext} fails here until it is a kept part, added to this list on purpose.
     */
    @Test
    void unescapedTextOnlyForKeptParts() throws IOException {
        Pattern utext = Pattern.compile("th:utext=\"([^\"]*)\"");
        List<String> found;
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            found = files.filter(f -> f.toString().endsWith(".html"))
                    .sorted()
                    .flatMap(f -> {
                        try {
                            Matcher m = utext.matcher(Files.readString(f));
                            return m.results().map(r -> templates.relativize(f) + " " + r.group(1));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        assertThat(found)
                .containsExactly(
                        "findings/list.html ${filterFields}",
                        "findings/list.html ${table}",
                        "findings/list.html ${bulkFields}",
                        "findings/report.html ${figuresHtml}");
    }
}
