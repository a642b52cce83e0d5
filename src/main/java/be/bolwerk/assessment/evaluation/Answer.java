package be.bolwerk.assessment.evaluation;

import be.bolwerk.framework.FrameworkNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The answer to one control: two maturities on the 0–5 scale, or not applicable with a justification, and a
 * comment. {@code revision} counts the saves, so a save based on an older state can be recognised.
 * {@code carriedOver} marks an answer taken over from last year that nobody has confirmed or changed yet.
 */
public record Answer(
        String controlRef,
        Integer documentation,
        Integer implementation,
        boolean notApplicable,
        String justification,
        String comment,
        UUID answeredBy,
        Instant answeredAt,
        int revision,
        boolean carriedOver) {

    /** The longest justification and comment kept; the pages, the API and the workbook refuse longer ones. */
    public static final int JUSTIFICATION_MAX = 2000;

    public static final int COMMENT_MAX = 4000;

    /** An answer given this year (not carried over). */
    public Answer(
            String controlRef,
            Integer documentation,
            Integer implementation,
            boolean notApplicable,
            String justification,
            String comment,
            UUID answeredBy,
            Instant answeredAt,
            int revision) {
        this(
                controlRef,
                documentation,
                implementation,
                notApplicable,
                justification,
                comment,
                answeredBy,
                answeredAt,
                revision,
                false);
    }

    /** Answered enough to count: both maturities, or not applicable with a reason. */
    public boolean complete() {
        return notApplicable
                ? justification != null && !justification.isBlank()
                : documentation != null && implementation != null;
    }

    /**
     * The one rule between an answer and its control: a key measure always applies, so it cannot be answered
     * "not applicable". Carrying over skips such answers; answering and importing refuse them.
     */
    public static boolean fits(FrameworkNode control, boolean notApplicable) {
        return control.isControl() && !(notApplicable && control.keyMeasure());
    }

    /** This answer under another ref (a renumbered control), as a first save in a new assessment. */
    Answer carriedTo(String ref) {
        return new Answer(
                ref,
                documentation,
                implementation,
                notApplicable,
                justification,
                comment,
                answeredBy,
                answeredAt,
                1,
                true);
    }

    /** Whether another save would store exactly what is already stored (a repeated click or a retry). */
    boolean sameAs(AnswerInput input) {
        return java.util.Arrays.stream(AnswerField.values())
                .allMatch(field -> Objects.equals(field.of(this), field.of(input)));
    }

    /** The empty state before the first save: what a page without an answer showed (revision 0). */
    static Answer none(String ref) {
        return new Answer(ref, null, null, false, null, null, null, null, 0, false);
    }
}
