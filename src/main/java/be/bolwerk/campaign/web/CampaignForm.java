package be.bolwerk.campaign.web;

import be.bolwerk.organisation.OrganisationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A new campaign as the form sends it. Year, dates and reminder days are bound as text and checked by pattern,
 * so every bad field gets its own message and the form comes back as typed.
 *
 * @param invitedType null invites every organisation
 */
record CampaignForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String name,

        @NotNull(message = "{campaign.framework.required}") UUID frameworkVersionId,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "\\s*\\d{4}\\s*", message = "{campaign.year.format}")
        String year,

        OrganisationType invitedType,

        @NotBlank(message = "{validation.required}") @Pattern(regexp = DATE, message = "{campaign.date.format}")
        String startsOn,

        @NotBlank(message = "{validation.required}") @Pattern(regexp = DATE, message = "{campaign.date.format}")
        String deadline,

        @Size(max = 100, message = "{validation.size.max}")
        @Pattern(regexp = "[0-9 ,;]*", message = "{campaign.reminders.format}")
        String reminders) {

    /** What a date input sends: year, month and day with dashes. */
    static final String DATE = "\\s*\\d{4}-\\d{2}-\\d{2}\\s*";

    static CampaignForm proposal(UUID framework, int year, LocalDate today) {
        return new CampaignForm(
                null,
                framework,
                String.valueOf(year),
                null,
                today.toString(),
                today.plusMonths(3).toString(),
                be.bolwerk.campaign.running.ReminderSchedule.DEFAULT.text());
    }

    /** The date typed in the field, or null when it is no calendar date (31 February). */
    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
