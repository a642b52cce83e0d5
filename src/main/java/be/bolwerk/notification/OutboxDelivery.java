package be.bolwerk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationProperties properties;
    private final Clock clock;

    OutboxDelivery(
            MailOutbox outbox, ObjectProvider<JavaMailSender> sender, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${bolwerk.notification.delivery-interval:PT5S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT5M")
    void deliver() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<MailOutbox.Due> due = outbox.due(now, 50);
        for (MailOutbox.Due message : due) {
            try {
                SimpleMailMessage mailMessage = new SimpleMailMessage();
                mailMessage.setFrom(properties.from());
                mailMessage.setTo(message.recipient());
                mailMessage.setSubject(message.subject());
                mailMessage.setText(message.body());
                mail.send(mailMessage);
                outbox.sent(message.id(), now);
            } catch (MailException e) {
                Duration wait = Duration.ofMinutes(1L << Math.min(message.attempts(), 9));
                wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
                outbox.failed(message.id(), now.plus(wait), e.getClass().getSimpleName());
                log.warn(
                        "Mail {} not delivered ({}); next attempt in {}",
                        message.id(),
                        e.getClass().getSimpleName(),
                        wait);
            }
        }
    }
}
