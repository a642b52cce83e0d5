package be.bolwerk.assessment.evaluation;

import be.bolwerk.shared.NotFound;

/** No such assessment, or not one of the person's organisations, or an area they may not open: alike. */
public class AssessmentNotFound extends NotFound {

    public AssessmentNotFound() {
        super("Assessment not found or not visible");
    }
}
