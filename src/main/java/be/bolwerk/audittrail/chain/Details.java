package be.bolwerk.audittrail.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * @param key a message key under {@code audit.detail.}
 * @param args strings and numbers, in the order of the message's placeholders
 */
public record Details(String key, List<Object> args) {

    static final String PREFIX = "audit.detail.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Details {
        if (!key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("detail keys start with " + PREFIX);
        }
        args = List.copyOf(args);
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
        json.put("key", new Details(key, values).key());
        json.put("args", values);
        if (!ids.isEmpty()) {
            Map<String, String> written = new TreeMap<>();
            ids.forEach((name, id) -> written.put(name, String.valueOf(id)));
            json.put("ids", written);
        }
        return JSON.writeValueAsString(json);
    }

    /** The details of a stored row, when they are in this form. */
    public static Optional<Details> parse(String stored) {
        if (stored == null || !stored.startsWith("{\"key\":\"" + PREFIX)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> json = JSON.readValue(stored, Map.class);
            if (json.get("key") instanceof String key && json.get("args") instanceof List<?> args) {
                return Optional.of(new Details(key, new ArrayList<>(args)));
            }
        } catch (JacksonException | IllegalArgumentException malformed) {
            // A hand-written or cut-off row (details are truncated at 2000 characters): shown as stored.
        }
        return Optional.empty();
    }
}
