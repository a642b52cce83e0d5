package be.bolwerk.assessment;

import be.bolwerk.shared.NotFound;

/** No such assessment, or not one of the person's organisations, or an area they may not open: alike. */
class AssessmentNotFound extends NotFound {

    AssessmentNotFound() {
        super("Assessment not found or not visible");
    }
}
