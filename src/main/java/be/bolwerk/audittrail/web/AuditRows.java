package be.bolwerk.audittrail.web;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditEvent;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.web.DateFormats;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns stored audit rows into what the page shows, in the reader's language: event and outcome labels looked
 * up once per page (not per row, ADR 0016), details of the translatable form ({@link Details}) put into the
 * reader's sentence, older free-text details as stored.
 */
@Component
class AuditRows {

    /** One row of the audit trail page, every value ready to print. */
    public record Row(
            long seq,
            String occurredAt,
            String type,
            String outcome,
            String actor,
            String clientAddress,
            String details,
            UUID organisationId) {}

    private final MessageSource messages;
    private final DateFormats dates;

    AuditRows(MessageSource messages, DateFormats dates) {
        this.messages = messages;
        this.dates = dates;
    }

    Paged<Row> of(Paged<AuditEvent> events, Locale locale) {
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
                event.organisationId()));
    }

    /** The details in the reader's language; as stored when they are free text or their key is unknown. */
    String details(String stored, Locale locale) {
        return Details.sentence(stored, messages, locale);
    }
}
