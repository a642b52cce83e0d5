package be.bolwerk.framework.imports;

import be.bolwerk.shared.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Says what Jackson found wrong in terms of the file: where in it, and which field. Jackson's own messages name
 * its limits ({@code StreamReadConstraints…}) and Java classes, which mean nothing to the person importing and
 * tell an attacker how the server is built, so none of their text reaches the page.
 */
final class ParserProblems {

    private static final int MAX_NAME = 80;

    private ParserProblems() {}

    /**
     * @param shapeKey the refusal for a well-formed file whose field at a known path is unknown or of the wrong
     *     type
     */
    static Refusal explain(JacksonException problem, String shapeKey) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return Refusal.invalid("framework.invalid.limits", "");
            }
        }
        String position = position(problem.getLocation());
        if (problem instanceof StreamReadException) {
            return position == null
                    ? Refusal.invalid("framework.invalid.notJson", "")
                    : Refusal.invalid("framework.invalid.json", position);
        }
        String path = path(problem);
        if (!path.isEmpty()) {
            return Refusal.invalid("framework.invalid." + shapeKey, path);
        }
        return position == null
                ? Refusal.invalid("framework.invalid.notJson", "")
                : Refusal.invalid("framework.invalid.shapeAt", position);
    }

    /** "line:column", or null when the parser did not know where it was. */
    private static String position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return null;
        }
        return location.getLineNr() + ":" + Math.max(1, location.getColumnNr());
    }

    /** The field as the file names it, like {@code nodes[2].title}; never a Java class. */
    private static String path(JacksonException problem) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : problem.getPath()) {
            if (step.getPropertyName() != null) {
                String name = step.getPropertyName();
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name);
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
