package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.Thresholds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a self-evaluation, in one place and without a database: control score = mean of its two
 * maturities; group score = weighted mean of the scored controls below it; total = weighted mean of the area
 * scores; not-applicable controls count nowhere. Scores keep four decimals; pages round to one or two.
 */
public final class Scoring {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Scoring() {}

    public static Scores score(Framework framework, Map<String, Answer> answers) {
        Map<String, BigDecimal> controls = new LinkedHashMap<>();
        for (FrameworkNode control : framework.controls()) {
            Answer answer = answers.get(control.ref());
            if (answer != null && answer.complete() && !answer.notApplicable()) {
                controls.put(
                        control.ref(),
                        BigDecimal.valueOf(answer.documentation() + answer.implementation())
                                .divide(TWO, 4, RoundingMode.HALF_UP));
            }
        }
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        Map<String, Scores.Progress> progress = new LinkedHashMap<>();
        BigDecimal weightedAreas = BigDecimal.ZERO;
        BigDecimal areaWeights = BigDecimal.ZERO;
        int answered = 0;
        int total = 0;
        for (FrameworkNode area : framework.areas()) {
            area.walk().filter(n -> !n.isControl()).forEach(group -> {
                BigDecimal score = weightedMean(group.controls(), controls);
                if (score != null) {
                    groups.put(group.ref(), score);
                }
            });
            List<FrameworkNode> areaControls = area.controls();
            int areaAnswered = (int) areaControls.stream()
                    .filter(c ->
                            answers.containsKey(c.ref()) && answers.get(c.ref()).complete())
                    .count();
            progress.put(area.ref(), new Scores.Progress(areaAnswered, areaControls.size()));
            answered += areaAnswered;
            total += areaControls.size();
            BigDecimal areaScore = groups.get(area.ref());
            if (areaScore != null) {
                weightedAreas = weightedAreas.add(areaScore.multiply(area.weight()));
                areaWeights = areaWeights.add(area.weight());
            }
        }
        BigDecimal totalScore =
                areaWeights.signum() == 0 ? null : weightedAreas.divide(areaWeights, 4, RoundingMode.HALF_UP);

        Thresholds thresholds = framework.thresholds();
        List<String> keyMeasuresBelow = new ArrayList<>();
        for (FrameworkNode control : framework.controls()) {
            if (control.keyMeasure()) {
                BigDecimal score = controls.get(control.ref());
                if (score == null || score.compareTo(thresholds.keyMeasureMinimum()) < 0) {
                    keyMeasuresBelow.add(control.ref());
                }
            }
        }
        List<String> areasBelow = new ArrayList<>();
        for (FrameworkNode area : framework.areas()) {
            BigDecimal score = groups.get(area.ref());
            if (score == null || score.compareTo(thresholds.areaMinimum()) < 0) {
                areasBelow.add(area.ref());
            }
        }
        boolean reached = totalScore != null
                && totalScore.compareTo(thresholds.totalMinimum()) >= 0
                && keyMeasuresBelow.isEmpty()
                && areasBelow.isEmpty();
        return new Scores(
                totalScore,
                groups,
                controls,
                keyMeasuresBelow,
                areasBelow,
                reached,
                progress,
                new Scores.Progress(answered, total));
    }

    private static BigDecimal weightedMean(List<FrameworkNode> nodes, Map<String, BigDecimal> controls) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        Map<String, Boolean> seen = new HashMap<>();
        for (FrameworkNode control : nodes) {
            BigDecimal score = controls.get(control.ref());
            if (score != null && seen.put(control.ref(), Boolean.TRUE) == null) {
                sum = sum.add(score.multiply(control.weight()));
                weights = weights.add(control.weight());
            }
        }
        return weights.signum() == 0 ? null : sum.divide(weights, 4, RoundingMode.HALF_UP);
    }
}
