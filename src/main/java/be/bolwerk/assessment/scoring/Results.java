package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.assessment.improvement.ImprovementActions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The results page: this assessment's scores, last year's, the peers' and the gaps, with the actions. */
public record Results(
        SelfEvaluation view,
        Optional<AssessmentStore.SubmittedScores> previous,
        PeerBenchmark.Peers peers,
        List<Gaps.Gap> gaps,
        List<ImprovementActions.Action> actions) {

    /** Change of an area's score since last year, or {@code null} when either is missing. */
    public BigDecimal change(String areaRef) {
        BigDecimal now = view.scores().group(areaRef);
        BigDecimal before = previous.map(p -> p.areas().get(areaRef)).orElse(null);
        return now == null || before == null ? null : now.subtract(before);
    }
}
