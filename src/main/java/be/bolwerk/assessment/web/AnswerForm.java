package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.AnswerInput;
import java.util.ArrayList;
import java.util.List;

/**
 * One control's answer as the form sends it: everything as text, so that a malformed value becomes a message
 * instead of a binding error that would hide the rest. {@link #input()} checks and converts it.
 */
public record AnswerForm(
        String documentation,
        String implementation,
        String notApplicable,
        String justification,
        String comment,
        String revision) {

    public static final int JUSTIFICATION_MAX = 2000;
    public static final int COMMENT_MAX = 4000;

    /** The problems with this form, as message keys; empty when {@link #input()} may be called. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!maturity(documentation) || !maturity(implementation)) {
            problems.add("assessment.answer.maturityRange");
        }
        if (justification != null && justification.strip().length() > JUSTIFICATION_MAX) {
            problems.add("assessment.answer.justificationTooLong");
        }
        if (comment != null && comment.strip().length() > COMMENT_MAX) {
            problems.add("assessment.answer.commentTooLong");
        }
        if (revision != null && !revision.isBlank() && !revision.strip().matches("\\d{1,9}")) {
            problems.add("assessment.answer.maturityRange");
        }
        return problems;
    }

    AnswerInput input() {
        boolean na = "true".equals(notApplicable);
        return new AnswerInput(
                na ? null : number(documentation),
                na ? null : number(implementation),
                na,
                text(justification),
                text(comment),
                number(revision));
    }

    private static boolean maturity(String value) {
        return value == null || value.isBlank() || value.strip().matches("[0-5]");
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
