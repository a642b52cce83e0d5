package be.bolwerk.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The scores of one assessment (docs/frameworks.md, "Scoring"). A score is {@code null} where nothing below
 * was answered yet. {@code groups} holds every group by ref, areas included.
 *
 * @param keyMeasuresBelow refs of key measures that score below the framework's minimum or are not answered
 */
public record Scores(
        BigDecimal total,
        Map<String, BigDecimal> groups,
        Map<String, BigDecimal> controls,
        List<String> keyMeasuresBelow,
        List<String> areasBelow,
        boolean targetReached,
        Map<String, Progress> progress,
        Progress overall) {

    /** Answered controls out of all controls, for an area or the whole assessment. */
    public record Progress(int answered, int total) {

        public int percent() {
            return total == 0 ? 100 : answered * 100 / total;
        }

        public boolean done() {
            return answered == total;
        }
    }

    /** The scores of the areas (top-level groups) that have one, in framework order. */
    public Map<String, BigDecimal> areaScores() {
        Map<String, BigDecimal> areas = new java.util.LinkedHashMap<>();
        progress.keySet().forEach(ref -> {
            if (groups.containsKey(ref)) {
                areas.put(ref, groups.get(ref));
            }
        });
        return areas;
    }

    public BigDecimal group(String ref) {
        return groups.get(ref);
    }
}
