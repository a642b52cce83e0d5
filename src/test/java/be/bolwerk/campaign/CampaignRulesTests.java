package be.bolwerk.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.ReminderSchedule;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of a campaign that need no database: dates, the reminder schedule and its due days. */
class CampaignRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Campaign campaign(LocalDate startsOn, LocalDate deadline, String reminders) {
        return new Campaign(
                new CampaignId(UUID.randomUUID()),
                "Zelfevaluatie 2026",
                UUID.randomUUID(),
                2026,
                null,
                startsOn,
                deadline,
                ReminderSchedule.parse(reminders),
                UUID.randomUUID(),
                Instant.now());
    }

    @Test
    void theScheduleIsReadInAnyOrderWithoutRepeats() {
        assertThat(ReminderSchedule.parse("1, 7 30,7").days()).containsExactly(30, 7, 1);
        assertThat(ReminderSchedule.parse("  ").days()).isEmpty();
        assertThat(ReminderSchedule.parse("30;7").text()).isEqualTo("30, 7");
        assertThat(ReminderSchedule.DEFAULT.days()).containsExactly(30, 7, 1);
    }

    @Test
    void aScheduleRefusesDaysOutOfRangeAndTooManyReminders() {
        for (String bad : List.of("0", "366", "7, x", "1,2,3,4,5,6,7,8,9,10,11", "-1")) {
            assertThatThrownBy(() -> ReminderSchedule.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            Refusal.class,
                            r -> assertThat(r.is(ReminderSchedule.INVALID)).isTrue());
        }
    }

    @Test
    void theDeadlineFallsAfterTheStartAndIsNotPast() {
        assertThatThrownBy(() -> Campaign.check(2026, TODAY, TODAY, TODAY))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Campaign.DEADLINE_BEFORE_START)).isTrue());
        assertThatThrownBy(() -> Campaign.check(2026, TODAY.minusDays(30), TODAY.minusDays(1), TODAY))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Campaign.DEADLINE_PAST)).isTrue());
        assertThatThrownBy(() -> Campaign.check(2028, TODAY, TODAY.plusDays(30), TODAY))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Campaign.YEAR_OUT_OF_RANGE)).isTrue());
        Campaign.check(2027, TODAY, TODAY.plusDays(1), TODAY);
    }

    @Test
    void aReminderIsDueOnItsDayOnly() {
        LocalDate deadline = TODAY.plusDays(30);
        Campaign campaign = campaign(TODAY.minusDays(10), deadline, "30, 7, 1");

        assertThat(campaign.reminderDue(TODAY, deadline)).contains(30);
        assertThat(campaign.reminderDue(deadline.minusDays(7), deadline)).contains(7);
        assertThat(campaign.reminderDue(deadline.minusDays(1), deadline)).contains(1);
        assertThat(campaign.reminderDue(deadline.minusDays(8), deadline)).isEmpty();
        assertThat(campaign.reminderDue(deadline, deadline)).isEmpty();
        assertThat(campaign.reminderDue(deadline.plusDays(1), deadline)).isEmpty();
    }

    @Test
    void noReminderOnOrBeforeTheStartTheInvitationSaysIt() {
        LocalDate deadline = TODAY.plusDays(7);
        Campaign campaign = campaign(TODAY, deadline, "30, 7, 1");

        assertThat(campaign.reminderDue(TODAY, deadline)).isEmpty();
        assertThat(campaign.reminderDue(deadline.minusDays(1), deadline)).contains(1);
    }

    @Test
    void anExtendedDeadlineMovesTheReminderDays() {
        LocalDate deadline = TODAY.plusDays(7);
        LocalDate extended = TODAY.plusDays(21);
        Campaign campaign = campaign(TODAY.minusDays(30), deadline, "7, 1");

        assertThat(campaign.reminderDue(TODAY, deadline)).contains(7);
        assertThat(campaign.reminderDue(TODAY, extended)).isEmpty();
        assertThat(campaign.reminderDue(extended.minusDays(7), extended)).contains(7);
        assertThat(campaign.reminderDue(deadline.minusDays(1), extended)).isEmpty();
    }
}
