package be.bolwerk.campaign.running;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign as opened: the framework version and year asked for, who is invited (every organisation, or those
 * of one type), from when and by when, and when reminders go out. It never changes after opening; a later
 * deadline is granted per organisation ({@link Participant}).
 *
 * @param invitedType the type of organisation invited; null invites every organisation
 */
public record Campaign(
        CampaignId id,
        String name,
        UUID frameworkVersionId,
        int year,
        OrganisationType invitedType,
        LocalDate startsOn,
        LocalDate deadline,
        ReminderSchedule reminders,
        UUID openedBy,
        Instant openedAt) {

    /** The deadline is not after the start. */
    public static final String DEADLINE_BEFORE_START = "campaign.deadline.beforeStart";
    /** The deadline has passed already: nobody could meet it. */
    public static final String DEADLINE_PAST = "campaign.deadline.past";
    /** The year is not last year, this year or next year, the years an organisation can start an evaluation for. */
    public static final String YEAR_OUT_OF_RANGE = "campaign.year.range";

    /** A campaign has a name, kept without surrounding blanks. */
    public Campaign {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        name = name.strip();
    }

    public static void check(int year, LocalDate startsOn, LocalDate deadline, LocalDate today) {
        if (Math.abs(year - today.getYear()) > 1) {
            throw Refusal.invalid(YEAR_OUT_OF_RANGE, today.getYear() - 1, today.getYear() + 1);
        }
        if (!deadline.isAfter(startsOn)) {
            throw Refusal.invalid(DEADLINE_BEFORE_START);
        }
        if (deadline.isBefore(today)) {
            throw Refusal.invalid(DEADLINE_PAST);
        }
    }

    /**
     * The scheduled reminder due today for an organisation with this deadline: the number of days before it.
     * Reminders go out on their day only; a reminder day on or before the start is covered by the invitation.
     * With an extended deadline the days count from the new deadline.
     */
    public Optional<Integer> reminderDue(LocalDate today, LocalDate organisationDeadline) {
        if (!today.isAfter(startsOn)) {
            return Optional.empty();
        }
        return reminders.dueOn(today, organisationDeadline);
    }
}
