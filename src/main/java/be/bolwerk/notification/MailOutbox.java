package be.bolwerk.notification;

import be.bolwerk.shared.Paged;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one class that writes {@code mail_outbox}. A JdbcClient store, not a repository: a mail is appended once
 * and then only its delivery state changes, by conditional updates ({@code attempts = attempts + 1}) that must
 * not overwrite what another node wrote in between — saving a whole loaded row would.
 */
@Component
class MailOutbox {

    /** A mail whose turn it is. */
    record Due(UUID id, String recipient, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a mail, due at once; joins the caller's transaction. */
    void queue(String recipient, String subject, String body, OffsetDateTime now) {
        queue(null, recipient, subject, body, now);
    }

    /**
     * Appends a mail unless one with the same {@code onceKey} exists (a {@code null} key never matches): an
     * event delivered twice mails once. Returns whether the mail was queued.
     */
    boolean queue(String onceKey, String recipient, String subject, String body, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO mail_outbox (id, recipient, subject, body, created_at, next_attempt_at, attempts,
                            once_key)
                        VALUES (:id, :to, :subject, :body, :now, :now, 0, :key)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("id", UUID.randomUUID())
                        .param("to", recipient)
                        .param("subject", subject)
                        .param("body", body)
                        .param("now", now)
                        .param("key", onceKey)
                        .update()
                == 1;
    }

    /** The oldest unsent mails whose next attempt is due, at most {@code limit}. */
    List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, subject, body, attempts FROM mail_outbox
                        WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY created_at LIMIT :limit
                        """)
                .param("now", now)
                .param("limit", limit)
                .query((rs, row) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(UUID id, OffsetDateTime now) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = :now, attempts = attempts + 1 WHERE id = :id")
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** Counts the failed attempt and sets the next; {@code error} is a class name, never a server's message. */
    void failed(UUID id, OffsetDateTime next, String error) {
        jdbc.sql("""
                        UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                        WHERE id = :id
                        """).param("next", next).param("error", error).param("id", id).update();
    }

    /** One page of every mail, newest first, for the mailbox. */
    Paged<MailboxController.MailView> page(int page, int size) {
        long total =
                jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single();
        List<MailboxController.MailView> mails = jdbc.sql("""
                        SELECT id, recipient, subject, body, created_at, sent_at, attempts, last_error
                        FROM mail_outbox ORDER BY created_at DESC LIMIT :limit OFFSET :offset
                        """)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new MailboxController.MailView(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getInt("attempts"),
                        rs.getString("last_error")))
                .list();
        return new Paged<>(mails, page, size, total);
    }
}
