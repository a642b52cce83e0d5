package be.bolwerk.engagement.work;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes due evidence on one node at a time (ShedLock, ADR 0008). Hourly rather than daily: a node that was down
 * at the usual hour does not keep evidence a day longer than promised; a run with nothing due does nothing.
 */
@Component
class EvidenceDeletionJob {

    private static final Logger log = LoggerFactory.getLogger(EvidenceDeletionJob.class);

    private final EvidenceDeletion deletion;

    EvidenceDeletionJob(EvidenceDeletion deletion) {
        this.deletion = deletion;
    }

    @Scheduled(cron = "${bolwerk.engagement.evidence-deletion-cron:0 41 * * * *}", zone = "Europe/Brussels")
    @SchedulerLock(name = "engagement-evidence-deletion", lockAtMostFor = "PT30M")
    void run() {
        int engagements = deletion.deleteDue();
        if (engagements > 0) {
            log.info("Evidence of {} engagements deleted after their deletion date", engagements);
        }
    }
}
