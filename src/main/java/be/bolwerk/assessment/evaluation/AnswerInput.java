package be.bolwerk.assessment.evaluation;

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
        Integer basedOn) {}
