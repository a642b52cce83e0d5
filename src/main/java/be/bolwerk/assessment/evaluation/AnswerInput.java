package be.bolwerk.assessment.evaluation;

import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.Refusal;
import java.util.Set;

/**
 * What a person sent for one control, already trimmed: blank texts are {@code null}. {@code basedOn} is the
 * revision the page showed (0: the page showed no answer yet); {@code null} when the sender did not say (the
 * API without a revision, a workbook), which overwrites. {@code keepStored} names the fields for which the
 * person chose the stored (colleague's) version while merging.
 */
public record AnswerInput(
        Integer documentation,
        Integer implementation,
        boolean notApplicable,
        String justification,
        String comment,
        Integer basedOn,
        Set<AnswerField> keepStored) {

    public AnswerInput {
        keepStored = keepStored == null ? Set.of() : Set.copyOf(keepStored);
    }

    public AnswerInput(
            Integer documentation,
            Integer implementation,
            boolean notApplicable,
            String justification,
            String comment,
            Integer basedOn) {
        this(documentation, implementation, notApplicable, justification, comment, basedOn, Set.of());
    }

    /** Refuses an answer its control does not allow (see {@link Answer#fits}). */
    public void requireFits(FrameworkNode control) {
        if (!Answer.fits(control, notApplicable)) {
            throw Refusal.invalid("assessment.answer.keyMeasureApplies");
        }
    }

    /** This input with the fields the person chose to keep taken from the stored answer. */
    AnswerInput keeping(Answer stored) {
        if (keepStored.isEmpty()) {
            return this;
        }
        boolean na = keepStored.contains(AnswerField.NOT_APPLICABLE) ? stored.notApplicable() : notApplicable;
        return new AnswerInput(
                na ? null : keepStored.contains(AnswerField.DOCUMENTATION) ? stored.documentation() : documentation,
                na ? null : keepStored.contains(AnswerField.IMPLEMENTATION) ? stored.implementation() : implementation,
                na,
                keepStored.contains(AnswerField.JUSTIFICATION) ? stored.justification() : justification,
                keepStored.contains(AnswerField.COMMENT) ? stored.comment() : comment,
                basedOn,
                Set.of());
    }
}
