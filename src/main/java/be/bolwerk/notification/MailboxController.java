package be.bolwerk.notification;

import java.time.OffsetDateTime;
import java.util.UUID;
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

    private final MailOutbox outbox;

    MailboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mailbox")
    String mailbox(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", outbox.page(Math.max(0, page), PAGE_SIZE));
        return "notification/mailbox";
    }
}
