package be.bolwerk.assessment;

/** A draft is being answered; a submitted assessment is locked. */
enum AssessmentStatus {
    DRAFT,
    SUBMITTED
}
