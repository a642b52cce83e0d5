package be.bolwerk.assessment.scoring;

import static be.bolwerk.assessment.scoring.Trees.control;
import static be.bolwerk.assessment.scoring.Trees.maturities;
import static be.bolwerk.assessment.scoring.Trees.notApplicable;
import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scoring arithmetic on small frameworks whose results were worked out by hand (in the comments),
 * including weights, not-applicable answers, unanswered key measures and the CyFun-style thresholds.
 */
public class ScoringTests {

    /** Area A (topics A.1 with a1, a2 [weight 2, key measure] and A.2 with a3), area B with b1 and b2. */
    private static Framework framework(int weightOfA) {
        return Trees.framework(List.of(
                group(
                        "A",
                        weightOfA,
                        group("A.1", 1, control("a1", 1, false), control("a2", 2, true)),
                        group("A.2", 1, control("a3", 1, false))),
                group("B", 1, control("b1", 1, false), control("b2", 1, false))));
    }

    private static FrameworkNode group(String ref, int weight, FrameworkNode... children) {
        return Trees.group(ref, ref, weight, children);
    }

    private static Map<String, Answer> answers(Answer... answers) {
        Map<String, Answer> byRef = new HashMap<>();
        for (Answer answer : answers) {
            byRef.put(answer.controlRef(), answer);
        }
        return byRef;
    }

    private static final Map<String, Answer> TYPICAL = answers(
            maturities("a1", 2, 4), // 3.0
            maturities("a2", 3, 4), // 3.5, weight 2
            maturities("a3", 1, 2), // 1.5
            maturities("b1", 4, 5), // 4.5
            notApplicable("b2", "Geen eigen serverruimte"));

    @Test
    void controlsTopicsAreasAndTotalAsWorkedOutByHand() {
        Scores scores = Scoring.score(framework(1), TYPICAL);

        assertThat(scores.controls().get("a1")).isEqualByComparingTo("3.0");
        assertThat(scores.controls().get("a2")).isEqualByComparingTo("3.5");
        assertThat(scores.controls()).doesNotContainKey("b2");
        // A.1 = (3.0 × 1 + 3.5 × 2) / 3 = 3.3333
        assertThat(scores.group("A.1")).isEqualByComparingTo("3.3333");
        assertThat(scores.group("A.2")).isEqualByComparingTo("1.5");
        // A = (3.0 + 7.0 + 1.5) / (1 + 2 + 1) = 2.875: the mean of its controls, not of its topics
        assertThat(scores.group("A")).isEqualByComparingTo("2.875");
        // B = 4.5: the not-applicable b2 counts nowhere
        assertThat(scores.group("B")).isEqualByComparingTo("4.5");
        // total = (2.875 + 4.5) / 2 = 3.6875
        assertThat(scores.total()).isEqualByComparingTo("3.6875");
    }

    @Test
    void areaWeightsApplyToTheTotal() {
        // total = (2.875 × 2 + 4.5 × 1) / 3 = 3.4167
        assertThat(Scoring.score(framework(2), TYPICAL).total()).isEqualByComparingTo("3.4167");
    }

    @Test
    void anAreaBelowThreeMissesTheTargetEvenWithAGoodTotal() {
        Scores scores = Scoring.score(framework(1), TYPICAL);

        assertThat(scores.total()).isGreaterThan(new BigDecimal("3.5"));
        assertThat(scores.areasBelow()).containsExactly("A");
        assertThat(scores.keyMeasuresBelow()).isEmpty();
        assertThat(scores.targetReached()).isFalse();
    }

    @Test
    void everyThresholdMetReachesTheTarget() {
        Scores scores = Scoring.score(
                framework(1),
                answers(
                        maturities("a1", 3, 4),
                        maturities("a2", 3, 3),
                        maturities("a3", 4, 4),
                        maturities("b1", 4, 4),
                        maturities("b2", 3, 4)));
        // A = (3.5 + 3.0 × 2 + 4.0) / 4 = 3.375; B = (4.0 + 3.5) / 2 = 3.75; total = 3.5625
        assertThat(scores.group("A")).isEqualByComparingTo("3.375");
        assertThat(scores.total()).isEqualByComparingTo("3.5625");
        assertThat(scores.targetReached()).isTrue();
    }

    @Test
    void aKeyMeasureBelowThreeOrUnansweredMissesTheTarget() {
        Map<String, Answer> weakKey = new HashMap<>(TYPICAL);
        weakKey.put("a2", maturities("a2", 2, 3)); // 2.5 < 3
        assertThat(Scoring.score(framework(1), weakKey).keyMeasuresBelow()).containsExactly("a2");

        Map<String, Answer> missingKey = new HashMap<>(TYPICAL);
        missingKey.remove("a2");
        Scores scores = Scoring.score(framework(1), missingKey);
        assertThat(scores.keyMeasuresBelow()).containsExactly("a2");
        assertThat(scores.targetReached()).isFalse();
        // A without a2 = (3.0 + 1.5) / 2 = 2.25
        assertThat(scores.group("A")).isEqualByComparingTo("2.25");
    }

    @Test
    void progressCountsOnlyCompleteAnswers() {
        Scores scores = Scoring.score(
                framework(1),
                answers(
                        maturities("a1", 2, 4),
                        new Answer("a2", 3, null, false, null, null, UUID.randomUUID(), Instant.now(), 1),
                        notApplicable("b2", " ")));

        assertThat(scores.progress().get("A")).isEqualTo(new Scores.Progress(1, 3));
        assertThat(scores.progress().get("B")).isEqualTo(new Scores.Progress(0, 2));
        assertThat(scores.overall()).isEqualTo(new Scores.Progress(1, 5));
        assertThat(scores.overall().percent()).isEqualTo(20);
    }

    @Test
    void nothingAnsweredHasNoScoresAndNoTarget() {
        Scores scores = Scoring.score(framework(1), Map.of());

        assertThat(scores.total()).isNull();
        assertThat(scores.groups()).isEmpty();
        assertThat(scores.targetReached()).isFalse();
    }
}
