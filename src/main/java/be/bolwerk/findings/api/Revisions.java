package be.bolwerk.findings.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding's revision as an entity tag: {@code "7"} for revision 7. A client sends back in {@code If-Match} the
 * tag it read; a tag that is not one of ours (weak, malformed) matches no revision, so the step is refused as stale,
 * as RFC 9110 wants for If-Match.
 */
final class Revisions {

    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,9})\"");

    private Revisions() {}

    static String tag(int revision) {
        return "\"" + revision + "\"";
    }

    /** The revision the client read: null without If-Match (or {@code *}), -1 for a tag that matches none. */
    static Integer expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher tag = STRONG.matcher(ifMatch.strip());
        return tag.matches() ? Integer.valueOf(tag.group(1)) : -1;
    }
}
