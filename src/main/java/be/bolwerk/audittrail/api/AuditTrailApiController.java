package be.bolwerk.audittrail.api;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.AuditEvent;
import be.bolwerk.audittrail.chain.AuditLog;
import be.bolwerk.audittrail.chain.AuditSearch;
import be.bolwerk.audittrail.chain.Checkpoint;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.audittrail.chain.Verification;
import be.bolwerk.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for monitoring: verification, checkpoints and the rows themselves. Platform admins only. */
@RestController
@RequestMapping(path = "/api/v1/audit-trail", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail", description = "Integrity of the tamper-evident audit trail, and its rows")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditTrailApiController {

    private final AuditLog log;
    private final MessageSource messages;

    AuditTrailApiController(AuditLog log, MessageSource messages) {
        this.log = log;
        this.messages = messages;
    }

    /**
     * One row as a reader needs it: the details as a sentence in the language asked for, and the ids of what
     * the row is about beside it (empty for rows that name none, and for rows written before ids were kept).
     */
    record AuditTrailEntry(
            long seq,
            Instant occurredAt,
            AuditEventType type,

            @Schema(allowableValues = {"SUCCESS", "FAILURE"})
            String outcome,

            UUID actorId,
            String actor,
            UUID organisationId,
            String clientAddress,

            @Schema(description = "What happened, in the language of the request; free text for older rows")
            String details,

            @Schema(description = "The ids of what the row is about, by name (assessment, account, line, …)")
            Map<String, String> ids) {}

    /** A POST because the check itself is recorded in the trail. */
    @PostMapping("/verification")
    @Operation(summary = "Walk the whole chain; report the first edited, missing or reordered row")
    Verification verify() {
        return log.verifyAndRecord();
    }

    /** For a monitor that keeps every answer: the chain must never go back to fewer rows or another HMAC. */
    @GetMapping("/checkpoint")
    @Operation(summary = "The head of the chain now: position, HMAC of that row and the head's seal")
    Checkpoint checkpoint() {
        return log.checkpoint();
    }

    /**
     * The rows the audit trail page shows, newest first, with the same filters. The details are in the language
     * of the request as everywhere in Bolwerk: the person's choice (the language cookie), Dutch by default.
     */
    @GetMapping("/events")
    @Operation(summary = "Search the rows, newest first; details in the language of the request")
    Paged<AuditTrailEntry> events(
            @Parameter(description = "Text in the actor's e-mail address") @RequestParam(defaultValue = "")
                    String actor,
            @RequestParam(required = false) AuditEventType type,
            @Parameter(description = "Only rows about this organisation") @RequestParam(required = false)
                    UUID organisation,
            @Parameter(description = "First day, inclusive (Belgian time)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "Last day, inclusive (Belgian time)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "10 to 200 rows; 50 otherwise") @RequestParam(defaultValue = "50") int size) {
        Locale locale = LocaleContextHolder.getLocale();
        AuditSearch search =
                new AuditSearch(actor, type, organisation == null ? null : List.of(organisation), from, to, page, size);
        return log.search(search).map(event -> entry(event, locale));
    }

    private AuditTrailEntry entry(AuditEvent event, Locale locale) {
        return new AuditTrailEntry(
                event.seq(),
                event.occurredAt(),
                event.type(),
                event.outcome(),
                event.actorId(),
                event.actor(),
                event.organisationId(),
                event.clientAddress(),
                Details.sentence(event.details(), messages, locale),
                Details.parse(event.details()).map(Details::ids).orElse(Map.of()));
    }
}
