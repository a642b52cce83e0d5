package be.bolwerk.audittrail.web;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditEvent;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.web.Choice;
import be.bolwerk.shared.web.DateFormats;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns stored audit rows into what the page shows, in the reader's language: event and outcome labels looked
 * up once per page (not per row, ADR 0016), details of the translatable form ({@link Details}) put into the
 * reader's sentence, older free-text details as stored.
 */
@Component
class AuditRows {

    /** One row of the audit trail page, every value ready to print; the organisation link is {@code null} without one. */
    public record Row(
            long seq,
            String occurredAt,
            String type,
            String outcome,
            String actor,
            String clientAddress,
            String details,
            String organisationHref) {}

    /**
     * The page's list, worked out in Java (ADR 0016): the rows, the filter's choices and the links that keep the
     * filter (export, previous and next page; {@code null} where there is none).
     */
    public record View(
            List<Row> rows,
            long total,
            int page,
            int pages,
            List<Choice> types,
            String export,
            String previous,
            String next) {}

    private final MessageSource messages;
    private final DateFormats dates;

    AuditRows(MessageSource messages, DateFormats dates) {
        this.messages = messages;
        this.dates = dates;
    }

    View view(Paged<AuditEvent> events, String filterQuery, String selectedType, String contextPath, Locale locale) {
        Paged<Row> result = of(events, contextPath, locale);
        String path = contextPath + "/admin/audit";
        List<Choice> types = Arrays.stream(AuditEventType.values())
                .map(t -> new Choice(
                        t.name(),
                        messages.getMessage("audit.type." + t, null, locale),
                        t.name().equals(selectedType)))
                .toList();
        return new View(
                result.items(),
                result.total(),
                result.page(),
                result.totalPages(),
                types,
                path + "/export.jsonl?" + filterQuery,
                result.hasPrevious() ? path + "?" + filterQuery + "&page=" + (result.page() - 1) : null,
                result.hasNext() ? path + "?" + filterQuery + "&page=" + (result.page() + 1) : null);
    }

    Paged<Row> of(Paged<AuditEvent> events, String contextPath, Locale locale) {
        Map<AuditEventType, String> types = new EnumMap<>(AuditEventType.class);
        Map<String, String> outcomes = new java.util.HashMap<>();
        return events.map(event -> new Row(
                event.seq(),
                dates.dateTime(event.occurredAt()),
                types.computeIfAbsent(event.type(), t -> messages.getMessage("audit.type." + t, null, locale)),
                outcomes.computeIfAbsent(event.outcome(), o -> messages.getMessage("audit.outcome." + o, null, locale)),
                event.actor(),
                event.clientAddress(),
                details(event.details(), locale),
                event.organisationId() == null ? null : contextPath + "/organisations/" + event.organisationId()));
    }

    /** The details in the reader's language; as stored when they are free text or their key is unknown. */
    String details(String stored, Locale locale) {
        return Details.sentence(stored, messages, locale);
    }
}
