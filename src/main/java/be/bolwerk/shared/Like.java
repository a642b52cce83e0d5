package be.bolwerk.shared;

/**
 * Text typed into a search box, made safe for {@code LIKE ... ESCAPE '\'}: its wildcards match themselves.
 * The parameter is still bound, never concatenated; this only stops {@code %} from matching everything.
 */
public final class Like {

    private Like() {}

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
