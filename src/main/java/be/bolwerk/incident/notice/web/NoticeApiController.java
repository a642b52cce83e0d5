package be.bolwerk.incident.notice.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.notice.Notice;
import be.bolwerk.incident.notice.NoticeField;
import be.bolwerk.incident.notice.NoticeRecipient;
import be.bolwerk.incident.notice.Notices;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification drafts of an incident through the API, read only: the list, and one draft with its field keys
 * and the exact text (the frozen one once submitted). Drafting, choosing fields and recording a submission stay on
 * the pages (ADR 0042). Who may read is who may see the incident; anyone else gets 404 problem+json.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents/{id}/notices", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('CRT_ANALYST', 'ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
@Tag(name = "Incidents", description = "Incidents reported to the Cyber Response Team (CRT)")
class NoticeApiController {

    private final Notices notices;

    NoticeApiController(Notices notices) {
        this.notices = notices;
    }

    /** One draft in the list. */
    record Item(
            UUID id,
            NoticeRecipient recipient,
            UUID obligationId,
            boolean submitted,
            Instant submittedAt,
            int revision,
            Instant updatedAt) {

        static Item of(Notice n) {
            return new Item(
                    n.id(),
                    n.recipient(),
                    n.obligationId(),
                    n.submitted(),
                    n.snapshot().map(Notice.Snapshot::submittedAt).orElse(null),
                    n.revision(),
                    n.updatedAt());
        }
    }

    /** One draft: its fields and the exact text; once submitted, the frozen text, its SHA-256 and the channel. */
    record Detail(
            UUID id,
            NoticeRecipient recipient,
            UUID obligationId,
            String recipientName,
            List<NoticeField> fields,
            String text,
            int revision,
            boolean submitted,
            Instant submittedAt,
            String channel,
            String externalReference,
            String sha256) {}

    @GetMapping
    @Operation(summary = "The notification drafts of one incident; 404 when it is not the caller's to see")
    List<Item> list(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Notices.Overview overview = notices.overview(new IncidentId(id), user);
        List<Item> items = new ArrayList<>();
        overview.obligations().forEach(row -> row.notices().forEach(n -> items.add(Item.of(n))));
        overview.insurer().forEach(n -> items.add(Item.of(n)));
        return items;
    }

    @GetMapping("/{noticeId}")
    @Operation(summary = "One notification draft with its field keys and the text that goes (or went) out")
    Detail show(@PathVariable UUID id, @PathVariable UUID noticeId, @AuthenticationPrincipal CurrentUser user) {
        Notices.Detail d = notices.detail(new IncidentId(id), noticeId, user);
        Notice n = d.notice();
        Notice.Snapshot s = n.snapshot().orElse(null);
        return new Detail(
                n.id(),
                n.recipient(),
                n.obligationId(),
                d.recipientName(),
                List.copyOf(s == null ? n.fields() : s.fields()),
                d.text(),
                n.revision(),
                s != null,
                s == null ? null : s.submittedAt(),
                s == null ? null : s.channel(),
                s == null ? null : s.externalReference(),
                s == null ? null : s.sha256());
    }
}
