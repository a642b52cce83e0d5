package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.audit.event.AuditFindingRecorded;
import be.bolwerk.audit.event.AuditFirmAssigned;
import be.bolwerk.audit.event.AuditOrderApproved;
import be.bolwerk.audit.event.AuditOrderCancelled;
import be.bolwerk.audit.event.AuditOrderCompleted;
import be.bolwerk.audit.event.AuditOrderEvent;
import be.bolwerk.audit.event.AuditOrderHeld;
import be.bolwerk.audit.event.AuditOrderRefused;
import be.bolwerk.audit.event.AuditOrderRequested;
import be.bolwerk.audit.event.AuditOrderResumed;
import be.bolwerk.audit.event.AuditOrderWaitListed;
import be.bolwerk.audit.event.AuditReportUploaded;
import be.bolwerk.audit.event.AuditScheduled;
import be.bolwerk.audit.event.AuditStarted;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Settlement;
import be.bolwerk.funding.Share;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An audit order and its named state machine. Each transition is a method that checks its rule (a
 * {@link Refusal} with the Dutch sentence otherwise), moves the status, appends a {@link Step} to the history
 * and raises a past-tense event; the store writes the new state, the steps and (through the use case) the
 * events in one transaction. Who may take a step is the use case's business; this class knows which steps
 * the order allows.
 */
public final class AuditOrder {

    public static final String RULE_DECIDE = "auditOrder.rule.decide";
    public static final String RULE_WAIT_LIST = "auditOrder.rule.waitList";
    public static final String RULE_PARTIAL = "auditOrder.rule.partial";
    public static final String RULE_ASSIGN = "auditOrder.rule.assign";
    public static final String RULE_SCHEDULE = "auditOrder.rule.schedule";
    public static final String RULE_START = "auditOrder.rule.start";
    public static final String RULE_FINDING = "auditOrder.rule.finding";
    public static final String RULE_REPORT = "auditOrder.rule.report";
    public static final String RULE_COMPLETE = "auditOrder.rule.complete";
    public static final String RULE_HOLD = "auditOrder.rule.hold";
    public static final String RULE_RESUME = "auditOrder.rule.resume";
    public static final String RULE_CANCEL = "auditOrder.rule.cancel";
    public static final String REASON_REQUIRED = "auditOrder.reason.required";
    public static final String SCHEDULE_PAST = "auditOrder.schedule.past";

    /** The statuses an order can be held in, and cancelled from (with the requested and waiting ones). */
    private static final Set<AuditStatus> HOLDABLE =
            EnumSet.of(AuditStatus.APPROVED, AuditStatus.SCHEDULED, AuditStatus.IN_PROGRESS);

    private static final Set<AuditStatus> CANCELLABLE = EnumSet.of(
            AuditStatus.REQUESTED,
            AuditStatus.WAIT_LISTED,
            AuditStatus.APPROVED,
            AuditStatus.SCHEDULED,
            AuditStatus.ON_HOLD);

    /** Who takes a step, as the history shows them. */
    public record Actor(UUID id, String name) {}

    /** What an organisation asks for. {@code partnerId} and {@code partnerName} are null without a partner. */
    public record Request(
            UUID organisationId,
            String organisationName,
            UUID partnerId,
            String partnerName,
            AuditKind kind,
            boolean coachingDay,
            BudgetLineId line,
            boolean sharesIncludeVat,
            Quote quote) {}

    private final AuditOrderId id;
    private final String reference;
    private final Request request;
    private final Quote.Parts expected;
    private final UUID requestedBy;
    private final Instant requestedAt;
    private final int version;

    private AuditStatus status;
    private AuditStatus heldFrom;
    private String refusalReason;
    private CommitmentId commitment;
    private BigDecimal reserved;
    private boolean capped;
    private String firm;
    private LocalDate scheduledOn;
    private String reportName;
    private long reportSize;
    private Invoice invoice;
    private BigDecimal programmePaid;
    private BigDecimal organisationPaid;
    private Instant waitListedAt;

    private final List<Step> steps = new ArrayList<>();
    private final List<AuditOrderEvent> events = new ArrayList<>();

    /** The state as stored; used by the store only. */
    record State(
            AuditStatus status,
            AuditStatus heldFrom,
            String refusalReason,
            CommitmentId commitment,
            BigDecimal reserved,
            boolean capped,
            String firm,
            LocalDate scheduledOn,
            String reportName,
            long reportSize,
            Invoice invoice,
            BigDecimal programmePaid,
            BigDecimal organisationPaid,
            Instant waitListedAt) {}

    AuditOrder(
            AuditOrderId id,
            String reference,
            Request request,
            Quote.Parts expected,
            UUID requestedBy,
            Instant requestedAt,
            int version,
            State state) {
        this.id = id;
        this.reference = reference;
        this.request = request;
        this.expected = expected;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.version = version;
        this.status = state.status();
        this.heldFrom = state.heldFrom();
        this.refusalReason = state.refusalReason();
        this.commitment = state.commitment();
        this.reserved = state.reserved();
        this.capped = state.capped();
        this.firm = state.firm();
        this.scheduledOn = state.scheduledOn();
        this.reportName = state.reportName();
        this.reportSize = state.reportSize();
        this.invoice = state.invoice();
        this.programmePaid = state.programmePaid();
        this.organisationPaid = state.organisationPaid();
        this.waitListedAt = state.waitListedAt();
    }

    /** A new order, requested; the expected shares are worked out from the quote now, as the preview showed. */
    public static AuditOrder request(Request request, Actor by, Instant at) {
        AuditOrderId id = new AuditOrderId(UUID.randomUUID());
        String reference = "AUD-" + id.value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        Quote.Parts parts =
                request.quote().parts(share(request.kind()), request.sharesIncludeVat(), request.partnerId() != null);
        AuditOrder order = new AuditOrder(
                id,
                reference,
                request,
                parts,
                by.id(),
                at,
                0,
                new State(
                        AuditStatus.REQUESTED,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        0,
                        null,
                        null,
                        null,
                        null));
        order.step("REQUESTED", request.coachingDay() ? "coaching" : null, by, at);
        order.events.add(new AuditOrderRequested(
                id,
                reference,
                request.organisationId(),
                request.partnerId(),
                request.kind(),
                request.quote().total()));
        return order;
    }

    /** Two thirds for a basic audit, half for a supplementary one (seed 002). */
    public static Share share(AuditKind kind) {
        return kind == AuditKind.BASIC ? Share.TWO_THIRDS : Share.HALF;
    }

    /** Approved with credit reserved: in full, or capped at what the line had left (partial co-financing). */
    public void approve(CommitmentId reservedAs, BigDecimal amount, boolean partial, Actor by, Instant at) {
        requireDecidable();
        if (partial && request.kind() != AuditKind.SUPPLEMENTARY) {
            throw Refusal.conflict(RULE_PARTIAL);
        }
        this.commitment = reservedAs;
        this.reserved = amount;
        this.capped = partial;
        this.waitListedAt = null;
        this.status = AuditStatus.APPROVED;
        step(partial ? "APPROVED_PARTIAL" : "APPROVED", amount.toPlainString(), by, at);
        events.add(
                new AuditOrderApproved(id, reference, request.organisationId(), request.partnerId(), amount, partial));
    }

    /** Checks that the order may still be approved, refused or wait-listed, before credit is reserved for it. */
    public void requireDecidable() {
        if (status != AuditStatus.REQUESTED && status != AuditStatus.WAIT_LISTED) {
            throw Refusal.conflict(RULE_DECIDE);
        }
    }

    /** A supplementary audit the line cannot cover waits for credit, first come, first served. */
    public void waitList(Actor by, Instant at) {
        if (status != AuditStatus.REQUESTED) {
            throw Refusal.conflict(RULE_DECIDE);
        }
        if (request.kind() != AuditKind.SUPPLEMENTARY) {
            throw Refusal.conflict(RULE_WAIT_LIST);
        }
        this.status = AuditStatus.WAIT_LISTED;
        this.waitListedAt = at;
        step("WAIT_LISTED", null, by, at);
        events.add(new AuditOrderWaitListed(id, reference, request.organisationId(), request.partnerId()));
    }

    public void refuse(String reason, Actor by, Instant at) {
        requireDecidable();
        String why = required(reason);
        this.status = AuditStatus.REFUSED;
        this.refusalReason = why;
        this.waitListedAt = null;
        step("REFUSED", why, by, at);
        events.add(new AuditOrderRefused(id, reference, request.organisationId(), request.partnerId(), why));
    }

    /** The firm whose auditors do the audit; may change until the audit starts. */
    public void assign(String auditFirm, Actor by, Instant at) {
        AuditStatus now = status == AuditStatus.ON_HOLD ? heldFrom : status;
        if (now != AuditStatus.APPROVED && now != AuditStatus.SCHEDULED) {
            throw Refusal.conflict(RULE_ASSIGN);
        }
        this.firm = required(auditFirm);
        step("FIRM_ASSIGNED", firm, by, at);
        events.add(new AuditFirmAssigned(id, reference, request.organisationId(), request.partnerId(), firm));
    }

    /** The date of the audit, today or later; may be moved while it has not started. */
    public void schedule(LocalDate on, LocalDate today, Actor by, Instant at) {
        if ((status != AuditStatus.APPROVED && status != AuditStatus.SCHEDULED) || firm == null) {
            throw Refusal.conflict(RULE_SCHEDULE);
        }
        if (on == null || on.isBefore(today)) {
            throw Refusal.invalid(SCHEDULE_PAST);
        }
        this.scheduledOn = on;
        this.status = AuditStatus.SCHEDULED;
        step("SCHEDULED", on.toString(), by, at);
        events.add(new AuditScheduled(id, reference, request.organisationId(), request.partnerId(), on));
    }

    public void start(Actor by, Instant at) {
        if (status != AuditStatus.SCHEDULED) {
            throw Refusal.conflict(RULE_START);
        }
        this.status = AuditStatus.IN_PROGRESS;
        step("STARTED", null, by, at);
        events.add(new AuditStarted(id, reference, request.organisationId(), request.partnerId()));
    }

    /** A finding, while the audit runs; the caller stores it. */
    public Finding record(
            String title, Severity severity, String description, String recommendation, Actor by, Instant at) {
        if (status != AuditStatus.IN_PROGRESS) {
            throw Refusal.conflict(RULE_FINDING);
        }
        Finding finding = new Finding(
                UUID.randomUUID(),
                required(title),
                severity,
                required(description),
                required(recommendation),
                by.id(),
                at);
        step("FINDING", finding.title(), by, at);
        events.add(new AuditFindingRecorded(
                id,
                reference,
                request.organisationId(),
                request.partnerId(),
                finding.id(),
                finding.title(),
                severity.name()));
        return finding;
    }

    /** The report, a PDF the use case checked: the audit is reported. */
    public void report(String fileName, long size, Actor by, Instant at) {
        if (status != AuditStatus.IN_PROGRESS) {
            throw Refusal.conflict(RULE_REPORT);
        }
        this.reportName = fileName;
        this.reportSize = size;
        this.status = AuditStatus.REPORTED;
        step("REPORTED", fileName, by, at);
        events.add(
                new AuditReportUploaded(id, reference, request.organisationId(), request.partnerId(), fileName, size));
    }

    /** Checks that the order may be completed, before its commitment is settled. */
    public void requireCompletable() {
        if (status != AuditStatus.REPORTED || commitment == null) {
            throw Refusal.conflict(RULE_COMPLETE);
        }
    }

    /** Completed with the invoice, as the funding module settled it. */
    public void complete(Invoice paid, Settlement settlement, Actor by, Instant at) {
        requireCompletable();
        this.invoice = paid;
        this.programmePaid = settlement.programmeShare();
        this.organisationPaid = settlement.organisationShare();
        this.status = AuditStatus.COMPLETED;
        step("COMPLETED", paid.number(), by, at);
        events.add(new AuditOrderCompleted(
                id,
                reference,
                request.organisationId(),
                request.partnerId(),
                paid.number(),
                settlement.programmeShare(),
                settlement.organisationShare()));
    }

    public void hold(String reason, Actor by, Instant at) {
        if (!HOLDABLE.contains(status)) {
            throw Refusal.conflict(RULE_HOLD);
        }
        String why = required(reason);
        this.heldFrom = status;
        this.status = AuditStatus.ON_HOLD;
        step("HELD", why, by, at);
        events.add(new AuditOrderHeld(id, reference, request.organisationId(), request.partnerId(), heldFrom, why));
    }

    public void resume(Actor by, Instant at) {
        if (status != AuditStatus.ON_HOLD) {
            throw Refusal.conflict(RULE_RESUME);
        }
        this.status = heldFrom;
        this.heldFrom = null;
        step("RESUMED", null, by, at);
        events.add(new AuditOrderResumed(id, reference, request.organisationId(), request.partnerId(), status));
    }

    /** Checks that the order may be cancelled, before its commitment is released. */
    public void requireCancellable() {
        if (!CANCELLABLE.contains(status)) {
            throw Refusal.conflict(RULE_CANCEL);
        }
    }

    /** Cancelled; {@code released} is the credit the use case gave back to the line (zero if none). */
    public void cancel(String reason, BigDecimal released, Actor by, Instant at) {
        requireCancellable();
        this.status = AuditStatus.CANCELLED;
        this.heldFrom = null;
        this.waitListedAt = null;
        step("CANCELLED", reason == null || reason.isBlank() ? null : reason.strip(), by, at);
        events.add(new AuditOrderCancelled(id, reference, request.organisationId(), request.partnerId(), released));
    }

    private void step(String name, String note, Actor by, Instant at) {
        steps.add(new Step(name, status, note, by.id(), by.name(), at));
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(REASON_REQUIRED);
        }
        return text.strip();
    }

    /** The steps taken since it was loaded; the store appends them to the history. */
    List<Step> newSteps() {
        return List.copyOf(steps);
    }

    /** The events raised since it was loaded, for the use case to publish. */
    public List<AuditOrderEvent> events() {
        return List.copyOf(events);
    }

    State state() {
        return new State(
                status,
                heldFrom,
                refusalReason,
                commitment,
                reserved,
                capped,
                firm,
                scheduledOn,
                reportName,
                reportSize,
                invoice,
                programmePaid,
                organisationPaid,
                waitListedAt);
    }

    public AuditOrderId id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public Request request() {
        return request;
    }

    public UUID organisationId() {
        return request.organisationId();
    }

    public UUID partnerId() {
        return request.partnerId();
    }

    public AuditKind kind() {
        return request.kind();
    }

    public Quote.Parts expected() {
        return expected;
    }

    public UUID requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    int version() {
        return version;
    }

    public AuditStatus status() {
        return status;
    }

    public AuditStatus heldFrom() {
        return heldFrom;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public CommitmentId commitment() {
        return commitment;
    }

    public BigDecimal reserved() {
        return reserved;
    }

    public boolean capped() {
        return capped;
    }

    public String firm() {
        return firm;
    }

    public LocalDate scheduledOn() {
        return scheduledOn;
    }

    public String reportName() {
        return reportName;
    }

    public long reportSize() {
        return reportSize;
    }

    public Invoice invoice() {
        return invoice;
    }

    public BigDecimal programmePaid() {
        return programmePaid;
    }

    public BigDecimal organisationPaid() {
        return organisationPaid;
    }

    public Instant waitListedAt() {
        return waitListedAt;
    }

    /** Whether the organisation is the ordering one or its partner. */
    public boolean concerns(UUID organisationId) {
        return organisationId.equals(request.organisationId()) || organisationId.equals(request.partnerId());
    }
}
