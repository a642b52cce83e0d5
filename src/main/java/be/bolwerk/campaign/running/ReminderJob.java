package be.bolwerk.campaign.running;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the scheduled campaign reminders, on one node at a time (ShedLock, ADR 0008). It runs every hour, not
 * once a day: a node that was down at the usual hour does not make a whole day's reminders go missing, and the
 * recorded occasions keep later runs of the same day from sending them again.
 */
@Component
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminding reminding;

    ReminderJob(Reminding reminding) {
        this.reminding = reminding;
    }

    @Scheduled(cron = "${bolwerk.campaign.reminder-cron:0 17 * * * *}", zone = "Europe/Brussels")
    @SchedulerLock(name = "campaign-reminders", lockAtMostFor = "PT30M")
    void run() {
        int reminded = reminding.sendScheduled();
        if (reminded > 0) {
            log.info("Campaign reminders sent to {} organisations", reminded);
        }
    }
}
