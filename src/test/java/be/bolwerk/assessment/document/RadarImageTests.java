package be.bolwerk.assessment.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PDF's radar chart: with 18 areas every label lies wholly inside the image, never shrunk below 12 px. */
class RadarImageTests {

    @Test
    void eighteenLabelsAllFitInsideTheImageAtAReadableSize() throws Exception {
        List<String> axes =
                IntStream.rangeClosed(1, 18).mapToObj(String::valueOf).toList();
        List<String> refs = List.of(
                "AC", "AT", "AU", "CA", "CM", "CP", "IA", "IR", "MA", "MP", "PE", "PL", "PS", "RA", "SA", "SC", "SI",
                "SR-LONG");
        for (List<String> labels : List.of(axes, refs)) {
            List<RadarImage.Placement> placements = RadarImage.placements(labels, 3);
            assertThat(placements).hasSize(18);
            for (RadarImage.Placement at : placements) {
                assertThat(at.x()).isGreaterThanOrEqualTo(0);
                assertThat(at.x() + at.width()).isLessThanOrEqualTo(RadarImage.SIZE);
                assertThat(at.y() - at.size()).isGreaterThanOrEqualTo(0);
                assertThat(at.y()).isLessThanOrEqualTo(RadarImage.SIZE);
                assertThat(at.size()).isGreaterThanOrEqualTo(12f);
            }
        }

        List<Double> values = new ArrayList<>();
        IntStream.range(0, 18).forEach(i -> values.add(i % 3 == 0 ? null : (i % 6) * 1.0));
        byte[] png = RadarImage.png(
                refs,
                List.of(
                        new RadarImage.Series("Deze zelfevaluatie", values, RadarImage.THIS_ONE, false),
                        new RadarImage.Series("Vorige", values, RadarImage.PREVIOUS, true)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(RadarImage.SIZE);
        assertThat(image.getHeight()).isEqualTo(RadarImage.SIZE);
    }

    /**
     * The PDF's chart always runs from 0 to 5 (issue 10): a self-evaluation that scores 1 everywhere draws a
     * small polygon in the middle, not the whole chart as it would if the scale stretched to the highest value.
     */
    @Test
    void theScaleIsTheFullZeroToFiveWhateverTheScores() throws Exception {
        List<String> areas = IntStream.rangeClosed(1, 6).mapToObj(i -> "A" + i).toList();
        BufferedImage empty = chart(areas, null);
        long ones = changed(empty, chart(areas, 1.0));
        long fives = changed(empty, chart(areas, 5.0));
        assertThat(ones).isPositive();
        // The outline grows with the score (five times as long); a scale stretched to the highest value would draw
        // both at the edge, the same size.
        assertThat(fives).isGreaterThan(3 * ones);
    }

    private static BufferedImage chart(List<String> areas, Double score) throws Exception {
        List<Double> values = new ArrayList<>();
        areas.forEach(a -> values.add(score));
        return ImageIO.read(new ByteArrayInputStream(RadarImage.png(
                areas, List.of(new RadarImage.Series("Deze zelfevaluatie", values, RadarImage.THIS_ONE, false)))));
    }

    private static long changed(BufferedImage before, BufferedImage after) {
        long count = 0;
        for (int x = 0; x < before.getWidth(); x++) {
            for (int y = 0; y < before.getHeight(); y++) {
                if (before.getRGB(x, y) != after.getRGB(x, y)) {
                    count++;
                }
            }
        }
        return count;
    }
}
