package be.bolwerk.findings.intake;

import java.util.List;

/**
 * Why one row (CSV) or result (SARIF) cannot be imported: the line where it starts, the column or property at
 * fault (null when the whole row is), and the reason as a message key with its arguments, in
 * {@code messages*.properties}.
 */
public record RowError(int line, String field, String messageKey, List<String> arguments) {

    public RowError {
        arguments = List.copyOf(arguments);
    }

    static RowError of(int line, String field, String messageKey, Object... arguments) {
        return new RowError(
                line,
                field,
                messageKey,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
