package be.bolwerk.incident.obligation;

import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the organisation's admins and the lead analyst of each pending obligation with a deadline: at 50 % and at
 * 90 % of its window and once when it is overdue, on one node at a time (ShedLock, ADR 0008) and on the injected
 * clock. Every five minutes: the shortest window is 24 hours, so a reminder is at most minutes late. Each reminder
 * is claimed by a marker column first, so it goes once even if two runs overlap; a run that finds an obligation past
 * 90 % without the 50 % reminder sends only the latest one.
 */
@Component("incidentObligationReminderJob")
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ObligationStore store;
    private final IncidentStore incidents;
    private final ObligationMails mails;
    private final Clock clock;

    ReminderJob(ObligationStore store, IncidentStore incidents, ObligationMails mails, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.mails = mails;
        this.clock = clock;
    }

    @Scheduled(cron = "${bolwerk.incident.obligation.reminder-cron:0 */5 * * * *}", zone = "Europe/Brussels")
    @SchedulerLock(name = "incident-obligation-reminders", lockAtMostFor = "PT10M")
    @Transactional
    public void run() {
        int sent = remind();
        if (sent > 0) {
            log.info("{} obligation reminders queued", sent);
        }
    }

    /** Queues the reminders due now; answers how many obligations were reminded. */
    private int remind() {
        Instant now = clock.instant();
        int sent = 0;
        for (Obligation obligation : store.pendingWithDeadline(now)) {
            Optional<ObligationStore.Reminder> due = reminderAt(obligation, now);
            if (due.isEmpty()) {
                continue;
            }
            ObligationStore.Reminder reminder = due.get();
            boolean claimed = store.claim(obligation, reminder, now);
            // A later reminder also claims the earlier ones, so that they are not sent after it.
            if (reminder != ObligationStore.Reminder.HALF) {
                store.claim(obligation, ObligationStore.Reminder.HALF, now);
            }
            if (reminder == ObligationStore.Reminder.OVERDUE) {
                store.claim(obligation, ObligationStore.Reminder.NINETY, now);
            }
            if (claimed) {
                Optional<Incident> incident = incidents.find(obligation.incidentId());
                if (incident.isPresent()) {
                    mails.reminder(incident.get(), obligation, reminder);
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The latest reminder whose moment has come, or none before half of the window. */
    static Optional<ObligationStore.Reminder> reminderAt(Obligation obligation, Instant now) {
        Instant start = obligation.windowStart();
        Instant due = obligation.dueAt();
        if (now.isAfter(due)) {
            return Optional.of(ObligationStore.Reminder.OVERDUE);
        }
        Duration window = Duration.between(start, due);
        Duration passed = Duration.between(start, now);
        if (passed.multipliedBy(10).compareTo(window.multipliedBy(9)) >= 0) {
            return Optional.of(ObligationStore.Reminder.NINETY);
        }
        if (passed.multipliedBy(2).compareTo(window) >= 0) {
            return Optional.of(ObligationStore.Reminder.HALF);
        }
        return Optional.empty();
    }
}
