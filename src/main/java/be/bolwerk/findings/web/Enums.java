package be.bolwerk.findings.web;

import java.util.Locale;
import java.util.UUID;

/** Filter values from the address bar, read leniently: anything unknown is no filter, never an error page. */
final class Enums {

    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
