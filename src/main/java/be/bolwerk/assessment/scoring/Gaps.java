package be.bolwerk.assessment.scoring;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What to improve first: every key measure below the framework's minimum (or not answered), then every other
 * control that scores below the area minimum, each group from the lowest score up.
 */
public final class Gaps {

    /** One control to improve; {@code score} is {@code null} when a key measure is not answered yet. */
    public record Gap(FrameworkNode control, BigDecimal score) {

        public boolean keyMeasure() {
            return control.keyMeasure();
        }
    }

    private Gaps() {}

    public static List<Gap> of(Framework framework, Scores scores) {
        List<Gap> keyMeasures = new ArrayList<>();
        List<Gap> others = new ArrayList<>();
        for (FrameworkNode control : framework.controls()) {
            BigDecimal score = scores.controls().get(control.ref());
            if (control.keyMeasure()) {
                if (scores.keyMeasuresBelow().contains(control.ref())) {
                    keyMeasures.add(new Gap(control, score));
                }
            } else if (score != null && score.compareTo(framework.thresholds().areaMinimum()) < 0) {
                others.add(new Gap(control, score));
            }
        }
        Comparator<Gap> lowestFirst =
                Comparator.comparing(Gap::score, Comparator.nullsFirst(Comparator.naturalOrder()));
        keyMeasures.sort(lowestFirst);
        others.sort(lowestFirst);
        List<Gap> gaps = new ArrayList<>(keyMeasures);
        gaps.addAll(others);
        return gaps;
    }
}
