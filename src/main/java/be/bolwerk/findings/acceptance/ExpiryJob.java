package be.bolwerk.findings.acceptance;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires risk acceptances and warns their owners, on one node at a time (ShedLock, ADR 0008). Hourly rather than
 * daily: a node that was down at the usual hour does not keep an acceptance a day longer; a run with nothing due
 * does nothing, and a warning already queued is not queued again.
 */
@Component
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Expiring expiring;

    ExpiryJob(Expiring expiring) {
        this.expiring = expiring;
    }

    @Scheduled(cron = "${bolwerk.findings.acceptance.expiry-cron:0 23 * * * *}", zone = "Europe/Brussels")
    @SchedulerLock(name = "findings-risk-acceptance-expiry", lockAtMostFor = "PT30M")
    void run() {
        Expiring.Outcome outcome = expiring.run();
        if (outcome.expired() > 0) {
            log.info("{} risk acceptances expired", outcome.expired());
        }
    }
}
