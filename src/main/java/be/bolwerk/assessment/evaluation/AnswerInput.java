package be.bolwerk.assessment.evaluation;

import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.Refusal;

/**
 * What a person sent for one control, already trimmed: blank texts are {@code null}. {@code basedOn} is the
 * revision the page showed; {@code null} when the page did not know one (first answer).
 */
public record AnswerInput(
        Integer documentation,
        Integer implementation,
        boolean notApplicable,
        String justification,
        String comment,
        Integer basedOn) {

    /** Refuses an answer its control does not allow (see {@link Answer#fits}). */
    public void requireFits(FrameworkNode control) {
        if (!Answer.fits(control, notApplicable)) {
            throw Refusal.invalid("assessment.answer.keyMeasureApplies");
        }
    }
}
