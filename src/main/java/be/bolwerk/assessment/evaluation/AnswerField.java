package be.bolwerk.assessment.evaluation;

import java.util.function.Function;

/** The parts of an answer that two people may change independently; merges compare them one by one. */
public enum AnswerField {
    DOCUMENTATION(Answer::documentation, AnswerInput::documentation),
    IMPLEMENTATION(Answer::implementation, AnswerInput::implementation),
    NOT_APPLICABLE(Answer::notApplicable, AnswerInput::notApplicable),
    JUSTIFICATION(Answer::justification, AnswerInput::justification),
    COMMENT(Answer::comment, AnswerInput::comment);

    private final Function<Answer, Object> stored;
    private final Function<AnswerInput, Object> sent;

    AnswerField(Function<Answer, Object> stored, Function<AnswerInput, Object> sent) {
        this.stored = stored;
        this.sent = sent;
    }

    public Object of(Answer answer) {
        return stored.apply(answer);
    }

    public Object of(AnswerInput input) {
        return sent.apply(input);
    }

    /** The form field's name, as pages and bundles (assessment.answer.field.*) call it. */
    public String formName() {
        return switch (this) {
            case DOCUMENTATION -> "documentation";
            case IMPLEMENTATION -> "implementation";
            case NOT_APPLICABLE -> "notApplicable";
            case JUSTIFICATION -> "justification";
            case COMMENT -> "comment";
        };
    }

    /** The field a form names; empty for anything else. */
    public static java.util.Optional<AnswerField> named(String name) {
        return java.util.Arrays.stream(values())
                .filter(f -> f.formName().equals(name))
                .findFirst();
    }
}
