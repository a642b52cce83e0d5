package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.shared.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The SLA rule with dates worked out by hand: start plus the days of the severity, as a real calendar date. */
class SlaTests {

    private static final SlaProfile PROGRAMME = new SlaProfile(7, 30, 90, 180, null);

    @Test
    void dueDateIsTheStartPlusTheDaysOfTheSeverity() {
        LocalDate report = LocalDate.of(2026, 12, 2);
        // 2 December + 7 days = 9 December; + 30 = 1 January; + 90 = 2 March (December 29 + January 31 + February
        // 28 = 88, so day 90 is 2 March); + 180 = 31 May.
        assertThat(PROGRAMME.dueDate(Severity.CRITICAL, false, report)).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(PROGRAMME.dueDate(Severity.HIGH, false, report)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(PROGRAMME.dueDate(Severity.MEDIUM, false, report)).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(PROGRAMME.dueDate(Severity.LOW, false, report)).isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void informationalFindingsHaveNoDueDateByDefault() {
        assertThat(PROGRAMME.dueDate(Severity.INFORMATIONAL, false, LocalDate.of(2026, 12, 2)))
                .isNull();
    }

    @Test
    void aKnownExploitedFindingTakesTheCriticalDeadlineWhateverItsSeverity() {
        LocalDate start = LocalDate.of(2027, 2, 25);
        // 25 February 2027 + 7 days: 28 February is day 3, so day 7 is 4 March.
        assertThat(PROGRAMME.dueDate(Severity.LOW, true, start)).isEqualTo(LocalDate.of(2027, 3, 4));
        assertThat(PROGRAMME.dueDate(Severity.INFORMATIONAL, true, start)).isEqualTo(LocalDate.of(2027, 3, 4));
    }

    @Test
    void anOrganisationMayTightenTheProgrammeProfile() {
        SlaProfile tighter = new SlaProfile(3, 14, 60, 180, 365);
        PROGRAMME.requireNotLooser(tighter);
        SlaProfile effective = PROGRAMME.tightenedBy(tighter);
        assertThat(effective).isEqualTo(new SlaProfile(3, 14, 60, 180, 365));
        // 2 December + 14 days = 16 December.
        assertThat(effective.dueDate(Severity.HIGH, false, LocalDate.of(2026, 12, 2)))
                .isEqualTo(LocalDate.of(2026, 12, 16));
    }

    @Test
    void anOrganisationMayNeverLoosenIt() {
        assertThatThrownBy(() -> PROGRAMME.requireNotLooser(new SlaProfile(7, 45, 90, 180, null)))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.messageKey()).isEqualTo(SlaProfile.LOOSER);
                    assertThat(r.arguments()).containsExactly("HIGH", 30);
                });
        // No deadline where the programme has one is the loosest of all.
        assertThatThrownBy(() -> PROGRAMME.requireNotLooser(new SlaProfile(null, 30, 90, 180, null)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.arguments()).containsExactly("CRITICAL", 7));
    }

    @Test
    void aLaterStricterProgrammeDefaultAlsoHoldsForOrganisationsThatTightenedBefore() {
        SlaProfile own = new SlaProfile(5, 20, 90, 180, null);
        SlaProfile stricterProgramme = new SlaProfile(3, 30, 60, 180, null);
        assertThat(stricterProgramme.tightenedBy(own)).isEqualTo(new SlaProfile(3, 20, 60, 180, null));
    }

    @Test
    void daysOutsideOneToTenYearsAreRefused() {
        assertThatThrownBy(() -> new SlaProfile(0, 30, 90, 180, null))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(SlaProfile.RANGE));
        assertThatThrownBy(() -> new SlaProfile(7, 30, 90, 3651, null)).isInstanceOf(Refusal.class);
    }
}
