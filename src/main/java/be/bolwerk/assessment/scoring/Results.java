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

    /** The score covers only part of the controls: a reader must not take it for the final figure. */
    public boolean partial() {
        return !view.scores().overall().done();
    }

    /** Controls nobody answered yet; any of them may still become a work point. */
    public int unanswered() {
        Scores.Progress overall = view.scores().overall();
        return overall.total() - overall.answered();
    }

    /** Key measures without an answer: they lead the work points, and "no work points" is never said then. */
    public int unansweredKeyMeasures() {
        return (int) gaps.stream()
                .filter(gap -> gap.keyMeasure() && gap.score() == null)
                .count();
    }

    /** The work points on key measures, which come first (lowest score first). */
    public List<Gaps.Gap> keyMeasureGaps() {
        return gaps.stream().filter(Gaps.Gap::keyMeasure).toList();
    }

    /** The other work points, after the key measures. */
    public List<Gaps.Gap> otherGaps() {
        return gaps.stream().filter(gap -> !gap.keyMeasure()).toList();
    }

    /**
     * What to say where the work points would be listed when there are none: nothing is missing (truly none),
     * or how many controls still wait for an answer and might add some.
     */
    public boolean noGapsSoFar() {
        return gaps.isEmpty() && partial();
    }
}
