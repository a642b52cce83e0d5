package be.bolwerk.incident.support;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.work.EmergencySupportEvent;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One request for emergency support and its named steps. Each step checks its rule (a {@link Refusal} otherwise),
 * moves the status and raises a past-tense event; who may take it is the use case's business. The money itself
 * (the commitment on the emergency fund, the payment) is the funding module's: this class records its outcome.
 */
public final class EmergencySupport {

    static final String STATE = "incident.support.rule.state";
    static final String PURPOSE_REQUIRED = "incident.support.rule.purposeRequired";
    static final String MOTIVATION_REQUIRED = "incident.support.rule.motivationRequired";
    static final String AMOUNT_INVALID = "incident.support.rule.amountInvalid";
    static final String ADVICE_REQUIRED = "incident.support.rule.adviceRequired";
    static final String MORE_THAN_ASKED = "incident.support.rule.moreThanAsked";
    static final String REASON_REQUIRED = "incident.support.rule.reasonRequired";
    static final String CANCEL_REASON_REQUIRED = "incident.support.rule.cancelReasonRequired";

    /** What the organisation asked, fixed once sent. */
    public record Request(String purpose, String supplier, BigDecimal amount, String motivation) {}

    /** What happened to it since; null parts have not happened. */
    record Progress(
            SupportStatus status,
            String advice,
            BigDecimal recommendedAmount,
            Actor adviser,
            Instant advisedAt,
            String decisionReason,
            Actor decider,
            Instant decidedAt,
            UUID budgetLineId,
            UUID commitmentId,
            String invoiceNumber,
            BigDecimal programmePaid,
            BigDecimal organisationPaid,
            Instant paidAt,
            Cancellation cancellation) {}

    /** The programme took back an approval that will not be invoiced: why, who and when. */
    record Cancellation(String reason, Actor by, Instant at) {}

    private final UUID id;
    private final IncidentId incidentId;
    private final UUID organisationId;
    private final String reference;
    private final String incidentReference;
    private final Request request;
    private final Actor requester;
    private final Instant requestedAt;
    private Progress progress;
    private final int revision;
    private final List<EmergencySupportEvent> events = new ArrayList<>();

    EmergencySupport(
            UUID id,
            IncidentId incidentId,
            UUID organisationId,
            String reference,
            String incidentReference,
            Request request,
            Actor requester,
            Instant requestedAt,
            Progress progress,
            int revision) {
        this.id = id;
        this.incidentId = incidentId;
        this.organisationId = organisationId;
        this.reference = reference;
        this.incidentReference = incidentReference;
        this.request = request;
        this.requester = requester;
        this.requestedAt = requestedAt;
        this.progress = progress;
        this.revision = revision;
    }

    static EmergencySupport request(
            IncidentId incidentId,
            UUID organisationId,
            String incidentReference,
            Request request,
            Actor requester,
            Instant now) {
        if (request.purpose() == null || request.purpose().isBlank()) {
            throw Refusal.invalid(PURPOSE_REQUIRED);
        }
        if (request.motivation() == null || request.motivation().isBlank()) {
            throw Refusal.invalid(MOTIVATION_REQUIRED);
        }
        BigDecimal amount = positive(request.amount());
        UUID id = UUID.randomUUID();
        EmergencySupport support = new EmergencySupport(
                id,
                incidentId,
                organisationId,
                "NOOD-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT),
                incidentReference,
                new Request(
                        request.purpose().strip(),
                        blankToNull(request.supplier()),
                        amount,
                        request.motivation().strip()),
                requester,
                now,
                new Progress(
                        SupportStatus.REQUESTED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                0);
        support.events.add(new EmergencySupportEvent.Requested(
                id, support.reference, incidentId, organisationId, support.request.purpose(), amount));
        return support;
    }

    /** The CRT recommends it, for the amount asked or less. */
    void recommend(BigDecimal amount, String advice, Actor adviser, Instant now) {
        require(EnumSet.of(SupportStatus.REQUESTED));
        BigDecimal recommended = positive(amount);
        if (recommended.compareTo(request.amount()) > 0) {
            throw Refusal.invalid(MORE_THAN_ASKED);
        }
        String text = required(advice, ADVICE_REQUIRED);
        progress = with(SupportStatus.RECOMMENDED, text, recommended, adviser, now);
        events.add(new EmergencySupportEvent.Recommended(id, reference, incidentId, organisationId, recommended));
    }

    /** The CRT advises against it; the programme will reject it. */
    void adviseAgainst(String advice, Actor adviser, Instant now) {
        require(EnumSet.of(SupportStatus.REQUESTED));
        String text = required(advice, ADVICE_REQUIRED);
        progress = with(SupportStatus.NOT_RECOMMENDED, text, null, adviser, now);
        events.add(new EmergencySupportEvent.AdvisedAgainst(id, reference, incidentId, organisationId));
    }

    /** The programme approved the recommended amount, committed on this line as this commitment. */
    void approve(UUID budgetLineId, UUID commitmentId, String lineName, Actor decider, Instant now) {
        require(EnumSet.of(SupportStatus.RECOMMENDED));
        Progress p = progress;
        progress = new Progress(
                SupportStatus.APPROVED,
                p.advice(),
                p.recommendedAmount(),
                p.adviser(),
                p.advisedAt(),
                null,
                decider,
                now,
                budgetLineId,
                commitmentId,
                null,
                null,
                null,
                null,
                null);
        events.add(new EmergencySupportEvent.Approved(
                id, reference, incidentId, organisationId, p.recommendedAmount(), lineName));
    }

    void reject(String reason, Actor decider, Instant now) {
        require(EnumSet.of(SupportStatus.RECOMMENDED, SupportStatus.NOT_RECOMMENDED));
        String text = required(reason, REASON_REQUIRED);
        Progress p = progress;
        progress = new Progress(
                SupportStatus.REJECTED,
                p.advice(),
                p.recommendedAmount(),
                p.adviser(),
                p.advisedAt(),
                text,
                decider,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        events.add(new EmergencySupportEvent.Rejected(id, reference, incidentId, organisationId));
    }

    /** The invoice was paid through the funding module: the programme's and the organisation's part. */
    void paid(String invoiceNumber, BigDecimal programme, BigDecimal organisation, Instant now) {
        require(EnumSet.of(SupportStatus.APPROVED));
        Progress p = progress;
        progress = new Progress(
                SupportStatus.PAID,
                p.advice(),
                p.recommendedAmount(),
                p.adviser(),
                p.advisedAt(),
                p.decisionReason(),
                p.decider(),
                p.decidedAt(),
                p.budgetLineId(),
                p.commitmentId(),
                invoiceNumber,
                programme,
                organisation,
                now,
                null);
        events.add(new EmergencySupportEvent.Paid(
                id, reference, incidentId, organisationId, invoiceNumber, programme, organisation));
    }

    void withdraw() {
        require(EnumSet.of(SupportStatus.REQUESTED, SupportStatus.RECOMMENDED, SupportStatus.NOT_RECOMMENDED));
        Progress p = progress;
        progress = new Progress(
                SupportStatus.WITHDRAWN,
                p.advice(),
                p.recommendedAmount(),
                p.adviser(),
                p.advisedAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        events.add(new EmergencySupportEvent.Withdrawn(id, reference, incidentId, organisationId));
    }

    /**
     * The programme takes back an approval that will not be invoiced (the firm was not needed after all, or another
     * party pays): the request ends as cancelled and the use case gives the commitment back to the emergency fund.
     * The approval itself stays on record; a reason is required, because the organisation counted on the money.
     */
    void cancel(String reason, Actor by, Instant now) {
        require(EnumSet.of(SupportStatus.APPROVED));
        String text = required(reason, CANCEL_REASON_REQUIRED);
        Progress p = progress;
        progress = new Progress(
                SupportStatus.CANCELLED,
                p.advice(),
                p.recommendedAmount(),
                p.adviser(),
                p.advisedAt(),
                p.decisionReason(),
                p.decider(),
                p.decidedAt(),
                p.budgetLineId(),
                p.commitmentId(),
                null,
                null,
                null,
                null,
                new Cancellation(text, by, now));
        events.add(new EmergencySupportEvent.Cancelled(
                id, reference, incidentId, organisationId, p.recommendedAmount(), text));
    }

    private Progress with(SupportStatus status, String advice, BigDecimal amount, Actor adviser, Instant now) {
        return new Progress(
                status, advice, amount, adviser, now, null, null, null, null, null, null, null, null, null, null);
    }

    private void require(EnumSet<SupportStatus> allowed) {
        if (!allowed.contains(progress.status())) {
            throw Refusal.conflict(STATE);
        }
    }

    private static String required(String text, String key) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(key);
        }
        return text.strip();
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MAXIMUM) > 0) {
            throw Refusal.invalid(AMOUNT_INVALID);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** NUMERIC(12, 2) holds less than ten billion; no request comes near. */
    private static final BigDecimal MAXIMUM = new BigDecimal("9999999999.99");

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID id() {
        return id;
    }

    public IncidentId incidentId() {
        return incidentId;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public String reference() {
        return reference;
    }

    public String incidentReference() {
        return incidentReference;
    }

    public Request request() {
        return request;
    }

    public Actor requester() {
        return requester;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public SupportStatus status() {
        return progress.status();
    }

    public String advice() {
        return progress.advice();
    }

    public BigDecimal recommendedAmount() {
        return progress.recommendedAmount();
    }

    public Actor adviser() {
        return progress.adviser();
    }

    public Instant advisedAt() {
        return progress.advisedAt();
    }

    public String decisionReason() {
        return progress.decisionReason();
    }

    public Actor decider() {
        return progress.decider();
    }

    public Instant decidedAt() {
        return progress.decidedAt();
    }

    public UUID commitmentId() {
        return progress.commitmentId();
    }

    public String invoiceNumber() {
        return progress.invoiceNumber();
    }

    public BigDecimal programmePaid() {
        return progress.programmePaid();
    }

    public BigDecimal organisationPaid() {
        return progress.organisationPaid();
    }

    public Instant paidAt() {
        return progress.paidAt();
    }

    public String cancelReason() {
        return progress.cancellation() == null ? null : progress.cancellation().reason();
    }

    public Actor canceller() {
        return progress.cancellation() == null ? null : progress.cancellation().by();
    }

    public Instant cancelledAt() {
        return progress.cancellation() == null ? null : progress.cancellation().at();
    }

    Progress progress() {
        return progress;
    }

    int revision() {
        return revision;
    }

    List<EmergencySupportEvent> events() {
        return List.copyOf(events);
    }
}
