package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import java.util.Map;
import java.util.Optional;

/** An assessment with its framework, answers and scores, as one person may see it. */
public record SelfEvaluation(
        Assessment assessment, Access access, Framework framework, Map<String, Answer> answers, Scores scores) {

    /** One area of the framework; unknown (404) when the framework has no such area. */
    public FrameworkNode area(String ref) {
        return framework.areas().stream()
                .filter(a -> a.ref().equals(ref))
                .findFirst()
                .orElseThrow(AssessmentNotFound::new);
    }

    /** The area a control belongs to. */
    public Optional<FrameworkNode> areaOf(String controlRef) {
        return framework.areaOf(controlRef);
    }

    /** Whether this person may open the area of the control; false for a control the framework lacks. */
    public boolean mayOpenControl(String controlRef) {
        return areaOf(controlRef).map(area -> access.mayOpen(area.ref())).orElse(false);
    }
}
