package be.bolwerk.audit.web;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrders;
import be.bolwerk.audit.ordering.Finding;
import be.bolwerk.audit.ordering.Step;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.Money;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.web.SortColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns orders into what the pages show, worked out once in Java (ADR 0016): amounts in euros, dates, labels
 * in the reader's language, the sort links of the list, and which steps the person may take on an order now.
 */
@Component
class AuditViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final String[][] COLUMNS = {
        {"reference", "auditOrder.field.reference"},
        {"organisation", "auditOrder.field.organisation"},
        {"status", "auditOrder.field.status"},
        {"amount", "auditOrder.field.programmeShare"},
        {"requested", "auditOrder.field.requested"}
    };

    private final MessageSource messages;
    private final Funding funding;

    AuditViews(MessageSource messages, Funding funding) {
        this.messages = messages;
        this.funding = funding;
    }

    public record RowView(
            String href,
            String reference,
            String organisation,
            String kind,
            String status,
            String total,
            String programmeShare,
            String firm,
            String scheduledOn,
            String requested) {}

    public record ListView(
            List<RowView> rows,
            List<SortColumn> columns,
            long total,
            int page,
            int pages,
            String previous,
            String next) {}

    public record StepView(String step, String status, String note, String actor, String at) {}

    public record FindingView(
            String title, String severity, String description, String recommendation, String recordedAt) {}

    /** One order as its page shows it, with the steps the person may take now. */
    public record OrderView(
            String id,
            String reference,
            String kind,
            boolean coachingDay,
            String organisation,
            String partner,
            String status,
            String quoteExcludingVat,
            String quoteVat,
            String quoteTotal,
            String basis,
            String programmeShare,
            String ownShare,
            String partnerShare,
            String line,
            String available,
            String reserved,
            boolean capped,
            String firm,
            String scheduledOn,
            String refusalReason,
            String reportName,
            String invoice,
            String programmePaid,
            String organisationPaid,
            long findingCount,
            boolean supplementary,
            boolean programme,
            boolean auditor,
            boolean seesFindings,
            boolean mayDecide,
            boolean mayWaitList,
            boolean mayAssign,
            boolean mayHold,
            boolean mayResume,
            boolean mayCancel,
            boolean maySchedule,
            boolean mayStart,
            boolean mayRecord,
            boolean mayReport,
            boolean mayComplete,
            boolean hasReport,
            boolean completed) {}

    ListView list(Paged<AuditOrders.Row> page, AuditOrders.Search search, Locale locale) {
        List<RowView> rows = page.items().stream()
                .map(r -> new RowView(
                        "/audits/" + r.id(),
                        r.reference(),
                        r.partner() == null ? r.organisation() : r.organisation() + " + " + r.partner(),
                        text("auditOrder.kind." + r.kind(), locale),
                        text("auditOrder.status." + r.status(), locale),
                        Money.euro(r.quoteTotal()),
                        Money.euro(r.programmeShare()),
                        r.firm() == null ? "" : r.firm(),
                        day(r.scheduledOn()),
                        moment(r.requestedAt())))
                .toList();
        List<SortColumn> columns = new ArrayList<>();
        for (String[] column : COLUMNS) {
            boolean current = column[0].equals(search.sort());
            columns.add(SortColumn.of(
                    text(column[1], locale),
                    link(search, column[0], current && !search.descending(), 0),
                    current,
                    search.descending()));
        }
        return new ListView(
                rows,
                columns,
                page.total(),
                page.page(),
                page.totalPages(),
                link(search, search.sort(), search.descending(), page.page() - 1),
                link(search, search.sort(), search.descending(), page.page() + 1));
    }

    private static String link(AuditOrders.Search search, String sort, boolean descending, int page) {
        return UriComponentsBuilder.fromPath("/audits")
                .queryParam("q", search.query())
                .queryParam(
                        "status", search.status() == null ? "" : search.status().name())
                .queryParam("sort", sort)
                .queryParam("dir", descending ? "desc" : "asc")
                .queryParam("page", Math.max(0, page))
                .encode()
                .build()
                .toUriString();
    }

    OrderView order(AuditOrders.View view, Locale locale) {
        AuditOrder o = view.order();
        AuditStatus s = o.status();
        AuditStatus effective = s == AuditStatus.ON_HOLD ? o.heldFrom() : s;
        boolean officer = view.programme();
        boolean auditor = view.auditor();
        BudgetLineSummary line = funding.line(o.request().line()).orElse(null);
        boolean decidable = s == AuditStatus.REQUESTED || s == AuditStatus.WAIT_LISTED;
        return new OrderView(
                o.id().toString(),
                o.reference(),
                text("auditOrder.kind." + o.kind(), locale),
                o.request().coachingDay(),
                o.request().organisationName(),
                o.request().partnerName(),
                text("auditOrder.status." + s, locale)
                        + (s == AuditStatus.ON_HOLD
                                ? " (" + text("auditOrder.status." + o.heldFrom(), locale) + ")"
                                : ""),
                Money.euro(o.request().quote().excludingVat()),
                Money.euro(o.request().quote().vat()),
                Money.euro(o.request().quote().total()),
                text(o.request().sharesIncludeVat() ? "auditOrder.basis.total" : "auditOrder.basis.excl", locale),
                Money.euro(o.expected().programme()),
                Money.euro(o.expected().organisation()),
                Money.euro(o.expected().partner()),
                line == null ? "" : line.name(),
                officer && line != null ? Money.euro(line.available()) : "",
                o.reserved() == null ? "" : Money.euro(o.reserved()),
                o.capped(),
                o.firm(),
                day(o.scheduledOn()),
                o.refusalReason(),
                o.reportName(),
                o.invoice() == null
                        ? ""
                        : o.invoice().number() + " (" + day(o.invoice().date()) + ")",
                amount(o.programmePaid()),
                amount(o.organisationPaid()),
                view.findingCount(),
                o.kind() == AuditKind.SUPPLEMENTARY,
                officer,
                auditor,
                view.seesFindings(),
                officer && decidable,
                officer && s == AuditStatus.REQUESTED && o.kind() == AuditKind.SUPPLEMENTARY,
                officer && (effective == AuditStatus.APPROVED || effective == AuditStatus.SCHEDULED) && !s.isFinal(),
                officer
                        && EnumSet.of(AuditStatus.APPROVED, AuditStatus.SCHEDULED, AuditStatus.IN_PROGRESS)
                                .contains(s),
                officer && s == AuditStatus.ON_HOLD,
                (officer || view.admin())
                        && EnumSet.of(
                                        AuditStatus.REQUESTED,
                                        AuditStatus.WAIT_LISTED,
                                        AuditStatus.APPROVED,
                                        AuditStatus.SCHEDULED,
                                        AuditStatus.ON_HOLD)
                                .contains(s),
                auditor && (s == AuditStatus.APPROVED || s == AuditStatus.SCHEDULED),
                auditor && s == AuditStatus.SCHEDULED,
                auditor && s == AuditStatus.IN_PROGRESS,
                auditor && s == AuditStatus.IN_PROGRESS,
                auditor && s == AuditStatus.REPORTED,
                view.seesFindings() && o.reportName() != null,
                s == AuditStatus.COMPLETED);
    }

    List<StepView> history(List<Step> steps, Locale locale) {
        return steps.stream()
                .map(step -> new StepView(
                        text("auditOrder.step." + step.step(), locale),
                        text("auditOrder.status." + step.status(), locale),
                        note(step, locale),
                        step.actorName() == null ? "" : step.actorName(),
                        moment(step.at())))
                .toList();
    }

    List<FindingView> findings(List<Finding> findings, Locale locale) {
        return findings.stream()
                .map(f -> new FindingView(
                        f.title(),
                        text("auditOrder.severity." + f.severity(), locale),
                        f.description(),
                        f.recommendation(),
                        moment(f.recordedAt())))
                .toList();
    }

    /** Dates and amounts in a note are shown the Belgian way; "coaching" is the extra day. */
    private String note(Step step, Locale locale) {
        String note = step.note();
        if (note == null) {
            return "";
        }
        if ("coaching".equals(note)) {
            return text("auditOrder.field.coachingDay", locale);
        }
        if (note.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return DAY.format(LocalDate.parse(note));
        }
        if (note.matches("\\d+\\.\\d{2}")) {
            return Money.euro(new BigDecimal(note));
        }
        return note;
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "" : Money.euro(amount);
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(BelgianTime.ZONE));
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
