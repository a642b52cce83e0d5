package be.bolwerk.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The middle of a group of scores: first quartile, median, third quartile, interpolated between the sorted
 * values the way spreadsheets do it (QUARTILE.INC), so that a council member can check a figure by hand.
 */
public record Spread(int count, BigDecimal q1, BigDecimal median, BigDecimal q3) {

    static Spread of(List<BigDecimal> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no scores");
        }
        List<BigDecimal> sorted = scores.stream().sorted().toList();
        return new Spread(sorted.size(), at(sorted, 0.25), at(sorted, 0.5), at(sorted, 0.75));
    }

    /** The value at fraction p of the way from the lowest to the highest, interpolated linearly. */
    private static BigDecimal at(List<BigDecimal> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        BigDecimal low = sorted.get(below);
        BigDecimal high = sorted.get(above);
        BigDecimal fraction = BigDecimal.valueOf(position - below);
        return low.add(high.subtract(low).multiply(fraction)).setScale(4, RoundingMode.HALF_UP);
    }
}
