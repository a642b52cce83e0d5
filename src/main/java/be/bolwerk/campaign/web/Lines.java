package be.bolwerk.campaign.web;

import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.Completion;
import be.bolwerk.campaign.running.Reminding;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.notification.Mailer;
import be.bolwerk.shared.web.DateFormats;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Formats the campaign module's rows for pages and the export, in the reader's language. */
@Component
class Lines {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final MessageSource messages;
    private final DateFormats dates;
    private final Frameworks frameworks;

    Lines(MessageSource messages, DateFormats dates, Frameworks frameworks) {
        this.messages = messages;
        this.dates = dates;
        this.frameworks = frameworks;
    }

    List<CampaignLine> campaigns(List<Campaign> campaigns, Locale locale) {
        Map<UUID, String> titles = frameworkTitles();
        return campaigns.stream()
                .map(c -> new CampaignLine(
                        c.id().value(),
                        c.name(),
                        titles.getOrDefault(c.frameworkVersionId(), ""),
                        c.year(),
                        invited(c, locale),
                        date(c.startsOn()),
                        date(c.deadline()),
                        c.reminders().days().isEmpty()
                                ? text("campaign.reminders.none", locale)
                                : c.reminders().text()))
                .toList();
    }

    String invited(Campaign campaign, Locale locale) {
        return campaign.invitedType() == null
                ? text("campaign.invited.all", locale)
                : text("organisation.type." + campaign.invitedType(), locale);
    }

    CompletionLine completion(Completion.Row row, Locale locale) {
        int percent = row.controls() == 0 ? 0 : Math.round(100f * row.answered() / row.controls());
        return new CompletionLine(
                row.organisationId(),
                row.organisation(),
                text("organisation.type." + row.type(), locale),
                row.state().name(),
                text("campaign.state." + row.state(), locale),
                row.state() == Completion.State.NOT_STARTED
                        ? "—"
                        : messages.getMessage(
                                "campaign.progress", new Object[] {row.answered(), row.controls()}, locale),
                percent,
                row.lastActivity() == null ? "—" : dates.dateTime(row.lastActivity()),
                date(row.deadline()),
                row.extensionReason(),
                row.lastReminder() == null ? "—" : dates.dateTime(row.lastReminder()),
                row.late());
    }

    static ReminderLine reminder(Reminding.Recipient recipient) {
        return new ReminderLine(
                recipient.organisation(), date(recipient.deadline()), String.join(", ", recipient.emails()));
    }

    /** The subject of the reminder mail, as {@code mail/campaignReminder} writes it. */
    String reminderSubject(Campaign campaign) {
        return messages.getMessage(
                "mail.campaignReminder.subject", new Object[] {campaign.name()}, Mailer.DEFAULT_LANGUAGE);
    }

    /** The body of the reminder mail from the same sentences as {@code mail/campaignReminder.txt}. */
    String reminderBody(Campaign campaign, String framework, Reminding.Recipient recipient, LocalDate today) {
        Locale mail = Mailer.DEFAULT_LANGUAGE;
        long daysLeft = recipient.deadline().toEpochDay() - today.toEpochDay();
        String key = daysLeft > 0
                ? "mail.campaignReminder.daysLeft"
                : daysLeft == 0 ? "mail.campaignReminder.today" : "mail.campaignReminder.late";
        Object[] arguments = {
            recipient.organisation(), framework, String.valueOf(campaign.year()), date(recipient.deadline()), daysLeft
        };
        return String.join(
                "\n\n",
                text("mail.greeting", mail),
                messages.getMessage(key, arguments, mail),
                text("mail.campaignReminder.link", mail) + "\n" + recipient.link(),
                text("mail.signature", mail));
    }

    Map<UUID, String> frameworkTitles() {
        return frameworks.all().stream().collect(Collectors.toMap(f -> f.id().value(), Lines::title, (a, b) -> a));
    }

    private static String title(FrameworkSummary framework) {
        return framework.title() + " " + framework.version();
    }

    static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
