package be.bolwerk.audittrail.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The details of a row as they are stored: a message key and its arguments, as JSON, so that the page shows
 * them in the reader's language ({@code audit.detail.*} in the bundles) while a SIEM reading the export still
 * gets the names and figures as plain values. Names (a file, a person, an area) are written as the recorder
 * knew them at the time, so the row stays readable after they change. Rows written before this form, and
 * free-text details, are shown as stored. The ids of what the row is about ({@code ids}: assessment, action,
 * account) are kept beside the sentence for an investigator; the page does not show them.
 *
 * <p>An argument that is itself a word of the bundles (a role, a persona, the reason of a refusal) is stored as
 * {@code {"term":"<key>","otherwise":"<text>"}} ({@link #term}) and put into the sentence in the reader's language too.
 *
 * @param key a message key under {@code audit.detail.}
 * @param args strings and numbers, in the order of the message's placeholders; terms as resolvables
 * @param ids the ids of what the row is about, by name; empty when the row names none
 */
public record Details(String key, List<Object> args, Map<String, String> ids) {

    static final String PREFIX = "audit.detail.";
    private static final String TERM = "term";
    private static final String FALLBACK = "otherwise";
    private static final String TERM_ARGS = "args";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Details {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("detail keys start with " + PREFIX);
        }
        args = List.copyOf(args);
        ids = Map.copyOf(ids);
    }

    /** The stored form: {@code {"key":"audit.detail.…","args":[…]}}; {@code null} arguments become "". */
    public static String of(String key, Object... args) {
        return about(Map.of(), key, args);
    }

    /** The stored form with the ids of what the row is about: {@code {"key":…,"args":[…],"ids":{…}}}. */
    public static String about(Map<String, ?> ids, String key, Object... args) {
        List<Object> values =
                new ArrayList<>(Arrays.stream(args).map(a -> a == null ? "" : a).toList());
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, String> written = new TreeMap<>();
        ids.forEach((name, id) -> written.put(name, String.valueOf(id)));
        json.put("key", new Details(key, values, written).key());
        json.put("args", values);
        if (!written.isEmpty()) {
            json.put("ids", written);
        }
        return JSON.writeValueAsString(json);
    }

    /**
     * An argument that the reader sees in their own language: the message {@code key} of the bundles (a role,
     * a persona, a refusal's reason). A SIEM still reads the key.
     */
    public static Map<String, Object> term(String key) {
        return term(key, key);
    }

    /**
     * As {@link #term(String)}, shown as {@code fallback} when the bundles have no such key (the name of an
     * exception nobody foresaw, a reason given as plain text).
     */
    public static Map<String, Object> term(String key, String fallback) {
        return term(key, fallback, List.of());
    }

    /**
     * As {@link #term(String, String)}, for a message with placeholders (a refusal that names a size limit):
     * {@code args} are filled in when the reader's sentence is made.
     */
    public static Map<String, Object> term(String key, String fallback, List<?> args) {
        Map<String, Object> term = new LinkedHashMap<>();
        term.put(TERM, key);
        term.put(FALLBACK, fallback);
        if (!args.isEmpty()) {
            term.put(TERM_ARGS, args.stream().map(a -> a == null ? "" : a).toList());
        }
        return term;
    }

    /** The details of a stored row, when they are in this form. */
    public static Optional<Details> parse(String stored) {
        if (stored == null || !stored.startsWith("{\"key\":\"" + PREFIX)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> json = JSON.readValue(stored, Map.class);
            if (json.get("key") instanceof String key && json.get("args") instanceof List<?> args) {
                Map<String, String> ids = new TreeMap<>();
                if (json.get("ids") instanceof Map<?, ?> storedIds) {
                    storedIds.forEach((name, id) -> ids.put(String.valueOf(name), String.valueOf(id)));
                }
                return Optional.of(
                        new Details(key, args.stream().map(Details::resolvable).toList(), ids));
            }
        } catch (JacksonException | IllegalArgumentException malformed) {
            // A hand-written or cut-off row (details are truncated at 2000 characters): shown as stored.
        }
        return Optional.empty();
    }

    /**
     * The sentence of stored details in {@code locale}; as stored when they are free text or their key is
     * unknown (an older row, a key since renamed), so a row is never shown as nothing.
     */
    public static String sentence(String stored, MessageSource messages, Locale locale) {
        return parse(stored)
                .map(details -> {
                    try {
                        // The message source puts terms (resolvables) into the reader's language as well.
                        return messages.getMessage(details.key(), details.args().toArray(), locale);
                    } catch (NoSuchMessageException unknown) {
                        return stored;
                    }
                })
                .orElse(stored);
    }

    /** A stored term becomes a resolvable, which Spring's message source translates as an argument. */
    private static Object resolvable(Object arg) {
        if (arg instanceof Map<?, ?> map && map.get(TERM) instanceof String term) {
            Object[] args = map.get(TERM_ARGS) instanceof List<?> values ? values.toArray() : null;
            return new DefaultMessageSourceResolvable(
                    new String[] {term}, args, map.get(FALLBACK) instanceof String fallback ? fallback : term);
        }
        return arg == null ? "" : arg;
    }
}
