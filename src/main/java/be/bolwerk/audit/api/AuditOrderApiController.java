package be.bolwerk.audit.api;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrders;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit orders, read-only, with the same rules as the pages: an organisation's own orders (also as partner of a
 * joint order), an audit firm's assignments, every order for the programme office. Findings are not in the API:
 * their content is for the organisation and the auditor, and only their number is given. Amounts are decimal
 * numbers in euros with two decimals.
 */
@RestController
@RequestMapping(path = "/api/v1/audit-orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit orders", description = "Co-financed security audits, from order to settled invoice")
class AuditOrderApiController {

    private final AuditOrders orders;

    AuditOrderApiController(AuditOrders orders) {
        this.orders = orders;
    }

    /** One order in a list. */
    record Summary(
            UUID id,
            String reference,
            String organisation,
            String partner,
            AuditKind kind,
            AuditStatus status,
            BigDecimal quoteTotal,
            BigDecimal programmeShare,
            String firm,
            LocalDate scheduledOn,
            Instant requestedAt) {

        static Summary of(AuditOrders.Row r) {
            return new Summary(
                    r.id().value(),
                    r.reference(),
                    r.organisation(),
                    r.partner(),
                    r.kind(),
                    r.status(),
                    r.quoteTotal(),
                    r.programmeShare(),
                    r.firm(),
                    r.scheduledOn(),
                    r.requestedAt());
        }
    }

    /** One order with its money; the invoice fields are null until it is completed. */
    record Order(
            UUID id,
            String reference,
            UUID organisationId,
            String organisation,
            UUID partnerId,
            String partner,
            AuditKind kind,
            boolean coachingDay,
            AuditStatus status,
            AuditStatus heldFrom,
            BigDecimal quoteExcludingVat,
            BigDecimal quoteVat,
            boolean sharesIncludeVat,
            BigDecimal programmeShare,
            BigDecimal organisationShare,
            BigDecimal partnerShare,
            UUID budgetLineId,
            BigDecimal reserved,
            boolean partial,
            String firm,
            LocalDate scheduledOn,
            String refusalReason,
            String invoiceNumber,
            LocalDate invoiceDate,
            BigDecimal programmePaid,
            BigDecimal organisationPaid,
            long findings,
            Instant requestedAt) {

        static Order of(AuditOrders.View view) {
            AuditOrder o = view.order();
            return new Order(
                    o.id().value(),
                    o.reference(),
                    o.organisationId(),
                    o.request().organisationName(),
                    o.partnerId(),
                    o.request().partnerName(),
                    o.kind(),
                    o.request().coachingDay(),
                    o.status(),
                    o.heldFrom(),
                    o.request().quote().excludingVat(),
                    o.request().quote().vat(),
                    o.request().sharesIncludeVat(),
                    o.expected().programme(),
                    o.expected().organisation(),
                    o.expected().partner(),
                    o.request().line().value(),
                    o.reserved(),
                    o.capped(),
                    o.firm(),
                    o.scheduledOn(),
                    o.refusalReason(),
                    o.invoice() == null ? null : o.invoice().number(),
                    o.invoice() == null ? null : o.invoice().date(),
                    o.programmePaid(),
                    o.organisationPaid(),
                    view.findingCount(),
                    o.requestedAt());
        }
    }

    @GetMapping
    @Operation(summary = "The orders the caller may see, newest first, a page at a time")
    Paged<Summary> list(
            @Parameter(description = "Only orders in this status") @RequestParam(required = false) AuditStatus status,
            @Parameter(description = "Page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Orders per page, at most 100") @RequestParam(defaultValue = "25") int size,
            @AuthenticationPrincipal CurrentUser user) {
        return orders.search(new AuditOrders.Search("", status, "requested", true, page, size), user)
                .map(Summary::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with its money; 404 when it does not exist or is not the caller's to see")
    Order get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return Order.of(orders.view(new AuditOrderId(id), user));
    }
}
