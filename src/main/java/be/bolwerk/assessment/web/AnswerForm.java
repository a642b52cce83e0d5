package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.AnswerField;
import be.bolwerk.assessment.evaluation.AnswerInput;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One control's answer as the form sends it: everything as text, so that a malformed value becomes a message
 * instead of a binding error that would hide the rest. Texts arrive trimmed, blanks as {@code null}. Each
 * constraint's message is the bundle key the page shows in the reader's language.
 */
record AnswerForm(
        @Pattern(regexp = "[0-5]", message = "assessment.answer.maturityRange")
        String documentation,

        @Pattern(regexp = "[0-5]", message = "assessment.answer.maturityRange")
        String implementation,

        String notApplicable,

        @Size(max = Answer.JUSTIFICATION_MAX, message = "assessment.answer.justificationTooLong")
        String justification,

        @Size(max = Answer.COMMENT_MAX, message = "assessment.answer.commentTooLong")
        String comment,

        @Pattern(regexp = "\\d{1,9}", message = "assessment.answer.revisionInvalid")
        String revision,

        // The fields for which the person, merging with a colleague's save, keeps the colleague's version.
        List<String> keepStored) {

    AnswerForm {
        documentation = text(documentation);
        implementation = text(implementation);
        justification = text(justification);
        comment = text(comment);
        revision = text(revision);
        keepStored = keepStored == null ? List.of() : List.copyOf(keepStored);
    }

    /** The checked answer; call only when validation found nothing. */
    AnswerInput input() {
        boolean na = "true".equals(notApplicable);
        return new AnswerInput(
                na ? null : number(documentation),
                na ? null : number(implementation),
                na,
                justification,
                comment,
                number(revision),
                keepStored.stream()
                        .map(AnswerField::named)
                        .flatMap(java.util.Optional::stream)
                        .collect(Collectors.toSet()));
    }

    private static Integer number(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
