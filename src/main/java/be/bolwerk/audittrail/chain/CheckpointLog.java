package be.bolwerk.audittrail.chain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the head of the chain to the application log every few minutes, on one node at a time. The log leaves
 * the database (log stack, SIEM), so a later verification with one of these lines
 * ({@code --audit-checkpoint=N:HASH}) shows whether the newest rows were cut off since — also when the head was
 * reset to an older, correctly sealed one. Position, HMAC and seal are not secrets: without the key they
 * cannot be forged.
 */
@Component
class CheckpointLog {

    private static final Logger logger = LoggerFactory.getLogger(CheckpointLog.class);

    private final AuditLog log;

    CheckpointLog(AuditLog log) {
        this.log = log;
    }

    @Scheduled(
            initialDelayString = "${bolwerk.audittrail.checkpoint-interval:PT5M}",
            fixedDelayString = "${bolwerk.audittrail.checkpoint-interval:PT5M}")
    @SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT1M")
    void write() {
        Checkpoint head = log.checkpoint();
        logger.info("audit checkpoint seq={} hash={} mac={}", head.seq(), head.hash(), head.mac());
    }
}
