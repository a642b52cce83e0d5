package be.bolwerk.assessment.evaluation;

/** A draft is being answered; a submitted assessment is locked. */
public enum AssessmentStatus {
    DRAFT,
    SUBMITTED
}
