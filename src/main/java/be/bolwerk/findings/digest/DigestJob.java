package be.bolwerk.findings.digest;

import be.bolwerk.shared.BelgianTime;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the day's findings digest on one node at a time (ShedLock, ADR 0008). It runs every hour of the working
 * day, not once: a node that was down or crashed at the first run leaves the missing mails to the next one, and
 * the once-keys in the outbox keep the mails already queued that day from going twice (ADR 0031).
 */
@Component
class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final Digest digest;
    private final Clock clock;

    DigestJob(Digest digest, Clock clock) {
        this.digest = digest;
        this.clock = clock;
    }

    @Scheduled(cron = "${bolwerk.findings.digest-cron:0 23 7-19 * * *}", zone = "Europe/Brussels")
    @SchedulerLock(name = "findings-digest", lockAtMostFor = "PT30M")
    void run() {
        int sent = digest.send(BelgianTime.today(clock));
        if (sent > 0) {
            log.info("Findings digest sent to {} owners", sent);
        }
    }
}
