package be.bolwerk.shared.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A part of a page rendered once for each distinct set of values and then kept (ADR 0047). A register page's 25
 * rows cost more to render than the rest of the request together; people open the same page again and again (back
 * from a finding, after a refresh, a colleague of the same organisation), and between two changes its rows are the
 * same values. The rows are still read from the database on every request; only turning equal values into HTML
 * again is saved.
 *
 * <p>The key is everything the part can show: the template, the reader's language and the values given, compared by
 * their content (records and lists of records). So a part is never shown for other values than it was rendered
 * from, whatever organisation, person or moment asks: another organisation's rows are other values.
 *
 * <p>The part is rendered outside the request: it sees only the values given and the messages, no {@code @{…}}
 * links (hand it finished addresses), no form object, no CSRF token (keep forms' own elements in the page). The page
 * inserts the HTML unescaped ({@code th:utext}); it is safe because Thymeleaf escaped every value while rendering
 * it, exactly as it would have in the page.
 */
@Component
public class KeptRendering {

    /** At most this many characters of HTML are kept per node: a few hundred register pages. */
    static final long MAX_CHARACTERS = 8_000_000;

    private final ITemplateEngine templates;
    private final Cache<Key, String> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, String html) -> html.length())
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    KeptRendering(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * The HTML of {@code template} for {@code values} in the reader's language: kept from an earlier request with
     * equal values, else rendered now (concurrent requests for the same values wait for that one rendering).
     */
    public String html(String template, Locale locale, Map<String, Object> values) {
        return kept.get(
                new Key(template, locale, Map.copyOf(values)),
                key -> templates.process(key.template(), new Context(key.locale(), key.values())));
    }

    private record Key(String template, Locale locale, Map<String, Object> values) {}
}
