package be.bolwerk.findings.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date forms the findings CSV accepts, and what stays unreadable in which order. */
class DatesTests {

    @Test
    void readsIsoDatesAndTimesAsTheDayInBelgium() throws Exception {
        assertThat(Dates.read("2024-01-24", null, false)).isEqualTo(LocalDate.of(2024, 1, 24));
        assertThat(Dates.read("2024-01-24T11:02:11Z", DateOrder.MONTH_DAY, false))
                .isEqualTo(LocalDate.of(2024, 1, 24));
        // half past eleven in the evening UTC is already the next day in Brussels
        assertThat(Dates.read("2024-01-24T23:30:00Z", DateOrder.DAY_MONTH, false))
                .isEqualTo(LocalDate.of(2024, 1, 25));
        assertThat(Dates.read("2024-01-24T23:30:00", null, false)).isEqualTo(LocalDate.of(2024, 1, 24));
    }

    @Test
    void readsSlashesDotsAndDashesInTheOrderGiven() throws Exception {
        assertThat(Dates.read("5/6/2021", DateOrder.DAY_MONTH, false)).isEqualTo(LocalDate.of(2021, 6, 5));
        assertThat(Dates.read("05.06.2021", DateOrder.MONTH_DAY, false)).isEqualTo(LocalDate.of(2021, 5, 6));
        assertThat(Dates.read("05-06-2021", DateOrder.DAY_MONTH, false)).isEqualTo(LocalDate.of(2021, 6, 5));
        // the same day and month is no question of order
        assertThat(Dates.read("05/05/2021", null, false)).isEqualTo(LocalDate.of(2021, 5, 5));
    }

    @Test
    void namesWhyADateIsNotRead() {
        assertProblem("05/06/2021", null, false, Dates.Problem.AMBIGUOUS);
        assertProblem("05/06/2021", DateOrder.DAY_MONTH, true, Dates.Problem.MIXED);
        assertProblem("30/01/2018", DateOrder.MONTH_DAY, false, Dates.Problem.INVALID);
        assertProblem("29/02/2021", DateOrder.DAY_MONTH, false, Dates.Problem.INVALID);
        assertProblem("05/06/21", DateOrder.DAY_MONTH, false, Dates.Problem.INVALID);
        assertProblem("05/06-2021", DateOrder.DAY_MONTH, false, Dates.Problem.INVALID);
        assertProblem("2021-02-30", DateOrder.DAY_MONTH, false, Dates.Problem.INVALID);
        assertProblem("yesterday", DateOrder.DAY_MONTH, false, Dates.Problem.INVALID);
    }

    @Test
    void theFileProvesAnOrderOnlyWhenItsDatesAgree() {
        assertThat(Dates.resolve(DateOrder.FROM_FILE, List.of("05/06/2021", "28/02/2021")))
                .isEqualTo(DateOrder.DAY_MONTH);
        assertThat(Dates.resolve(DateOrder.FROM_FILE, List.of("01/30/2018", "2024-01-24")))
                .isEqualTo(DateOrder.MONTH_DAY);
        assertThat(Dates.resolve(DateOrder.FROM_FILE, List.of("05/06/2021"))).isNull();
        assertThat(Dates.resolve(DateOrder.FROM_FILE, List.of("01/30/2018", "28/02/2021")))
                .isNull();
        assertThat(Dates.mixed(DateOrder.FROM_FILE, List.of("01/30/2018", "28/02/2021")))
                .isTrue();
        // a chosen order is never second-guessed
        assertThat(Dates.resolve(DateOrder.DAY_MONTH, List.of("01/30/2018"))).isEqualTo(DateOrder.DAY_MONTH);
        assertThat(Dates.mixed(DateOrder.DAY_MONTH, List.of("01/30/2018", "28/02/2021")))
                .isFalse();
    }

    private static void assertProblem(String text, DateOrder order, boolean mixed, Dates.Problem problem) {
        assertThatThrownBy(() -> Dates.read(text, order, mixed))
                .isInstanceOfSatisfying(
                        Dates.Unreadable.class,
                        unreadable -> assertThat(unreadable.problem).isEqualTo(problem));
    }
}
