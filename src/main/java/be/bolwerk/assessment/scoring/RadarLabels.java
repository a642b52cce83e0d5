package be.bolwerk.assessment.scoring;

import be.bolwerk.framework.FrameworkNode;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The labels around a radar chart, the same on the page and in the PDF. A full area title does not fit around
 * a circle of 18 areas, so the axes carry a short label: the area refs when all are short ("AD01", "ac"),
 * otherwise the areas' position numbers, with a numbered legend beside the chart. The full titles are always in
 * the table of scores next to the chart.
 */
public final class RadarLabels {

    /** Longest ref still used as it is; longer ones would collide with the neighbouring labels. */
    static final int MAX_REF_LENGTH = 6;

    private RadarLabels() {}

    public static List<String> of(List<FrameworkNode> areas) {
        if (numbered(areas)) {
            return IntStream.rangeClosed(1, areas.size())
                    .mapToObj(String::valueOf)
                    .toList();
        }
        return areas.stream().map(FrameworkNode::ref).toList();
    }

    /** Whether the axes carry position numbers, so the chart needs a numbered legend of the areas. */
    public static boolean numbered(List<FrameworkNode> areas) {
        return areas.stream().anyMatch(area -> area.ref().length() > MAX_REF_LENGTH);
    }
}
