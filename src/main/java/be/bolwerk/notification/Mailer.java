package be.bolwerk.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an e-mail. It joins the caller's transaction: the mail exists exactly when the change that caused
 * it was committed, and a crash or a down mail server loses nothing.
 */
@Service
public class Mailer {

    private final JdbcClient jdbc;
    private final Clock clock;

    Mailer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void send(String recipient, String subject, String body) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts)
                        VALUES (:id, :to, :subject, :body, :now, :now, 0)
                        """)
                .param("id", UUID.randomUUID())
                .param("to", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("now", now)
                .update();
    }
}
