package be.bolwerk.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One choice of a select as a page shows it, worked out in Java (ADR 0016): the value sent, its label in the
 * reader's language and whether it is the chosen one. A list page builds its filter's choices once per request
 * instead of a message lookup and a comparison per option in the template.
 */
public record Choice(String value, String label, boolean selected) {

    /** A choice per enum constant, labelled by {@code label} (the constant's text), {@code chosen} selected. */
    public static <E extends Enum<E>> List<Choice> of(E[] values, E chosen, Function<E, String> label) {
        List<Choice> choices = new ArrayList<>(values.length);
        for (E value : values) {
            choices.add(new Choice(value.name(), label.apply(value), value == chosen));
        }
        return choices;
    }
}
