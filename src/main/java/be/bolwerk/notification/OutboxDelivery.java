package be.bolwerk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mail every few seconds, on one node of the cluster at a time (ShedLock). A failed delivery
 * is retried with a doubling wait, from one minute up to six hours. Without a configured mail server nothing
 * is delivered and the mail stays readable on the mailbox page.
 */
@Component
class OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;
    private final Clock clock;

    OutboxDelivery(
            JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, NotificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    private record Due(UUID id, String recipient, String subject, String body, int attempts) {}

    @Scheduled(fixedDelayString = "${bolwerk.notification.delivery-interval:PT5S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT5M")
    void deliver() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Due> due = jdbc.sql("""
                        SELECT id, recipient, subject, body, attempts FROM mail_outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY created_at LIMIT 50
                        """)
                .param("now", now)
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
        for (Due message : due) {
            try {
                SimpleMailMessage mailMessage = new SimpleMailMessage();
                mailMessage.setFrom(properties.from());
                mailMessage.setTo(message.recipient());
                mailMessage.setSubject(message.subject());
                mailMessage.setText(message.body());
                mail.send(mailMessage);
                jdbc.sql("UPDATE mail_outbox SET sent_at = :now, attempts = attempts + 1 WHERE id = :id")
                        .param("now", now)
                        .param("id", message.id())
                        .update();
            } catch (MailException e) {
                Duration wait = Duration.ofMinutes(1L << Math.min(message.attempts(), 9));
                wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
                jdbc.sql("""
                                UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                                WHERE id = :id
                                """)
                        .param("next", now.plus(wait))
                        .param("error", e.getClass().getSimpleName())
                        .param("id", message.id())
                        .update();
                log.warn(
                        "Mail {} not delivered ({}); next attempt in {}",
                        message.id(),
                        e.getClass().getSimpleName(),
                        wait);
            }
        }
    }
}
