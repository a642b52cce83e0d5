package be.bolwerk.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Quartiles as a spreadsheet's QUARTILE.INC computes them, checked on hand-worked lists. */
public class SpreadTests {

    private static List<BigDecimal> scores(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }

    @Test
    void anOddListHasItsMiddleValueAsMedian() {
        Spread spread = Spread.of(scores("4.0", "2.0", "3.5", "2.5", "3.0"));

        assertThat(spread.count()).isEqualTo(5);
        assertThat(spread.q1()).isEqualByComparingTo("2.5");
        assertThat(spread.median()).isEqualByComparingTo("3.0");
        assertThat(spread.q3()).isEqualByComparingTo("3.5");
    }

    @Test
    void anEvenListInterpolates() {
        // positions 0.75, 1.5 and 2.25 between 1, 2, 3, 4
        Spread spread = Spread.of(scores("1", "2", "3", "4"));

        assertThat(spread.q1()).isEqualByComparingTo("1.75");
        assertThat(spread.median()).isEqualByComparingTo("2.5");
        assertThat(spread.q3()).isEqualByComparingTo("3.25");
    }

    @Test
    void oneScoreIsItsOwnSpreadAndNoneIsRefused() {
        assertThat(Spread.of(scores("2.75")).median()).isEqualByComparingTo("2.75");
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
