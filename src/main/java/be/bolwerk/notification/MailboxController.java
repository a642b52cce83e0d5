package be.bolwerk.notification;

import be.bolwerk.shared.Paged;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What Bolwerk sent or would have sent, newest first: for platform admins, and the only inbox in demo mode. */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class MailboxController {

    /** One mail as the mailbox shows it. */
    public record MailView(
            UUID id,
            String recipient,
            String subject,
            String body,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            int attempts,
            String lastError) {}

    private static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;

    MailboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/mailbox")
    String mailbox(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        long total =
                jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single();
        List<MailView> mails = jdbc.sql("""
                        SELECT id, recipient, subject, body, created_at, sent_at, attempts, last_error
                        FROM mail_outbox ORDER BY created_at DESC LIMIT :limit OFFSET :offset
                        """)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) current * PAGE_SIZE)
                .query((rs, row) -> new MailView(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getInt("attempts"),
                        rs.getString("last_error")))
                .list();
        model.addAttribute("result", new Paged<>(mails, current, PAGE_SIZE, total));
        return "notification/mailbox";
    }
}
