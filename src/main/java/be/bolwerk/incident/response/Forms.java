package be.bolwerk.incident.response;

import java.util.Locale;
import java.util.UUID;

/** Reads what a form sent leniently: an unknown or malformed value is no value, which the rules then refuse. */
final class Forms {

    private Forms() {}

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

    static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
