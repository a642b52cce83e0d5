package be.bolwerk.incident.obligation;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.ObligationRecorded;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One obligation of an incident: what must be sent to whom by when, and what was done about it. PENDING while the
 * rules may still move its due moment; recorded through {@link #submit} (SUBMITTED, or LATE after the due moment,
 * which needs the reason for the delay) or {@link #declareNotApplicable} (with the reason). A recorded obligation
 * is history and is never recomputed.
 */
public final class Obligation {

    static final String ALREADY_RECORDED = "incident.obligation.rule.alreadyRecorded";
    static final String SUBMITTED_REQUIRED = "incident.obligation.rule.submittedRequired";
    static final String SUBMITTED_FUTURE = "incident.obligation.rule.submittedFuture";
    static final String CHANNEL_REQUIRED = "incident.obligation.rule.channelRequired";
    static final String DELAY_REASON_REQUIRED = "incident.obligation.rule.delayReasonRequired";
    static final String REASON_REQUIRED = "incident.obligation.rule.reasonRequired";
    static final String NOT_MANUAL = "incident.obligation.rule.notManual";

    /** What was recorded about the obligation; all null while it is pending. */
    public record Record(
            String reason,
            Instant submittedAt,
            String channel,
            String externalReference,
            boolean phased,
            String delayReason,
            Actor recordedBy,
            Instant recordedAt) {

        static final Record NONE = new Record(null, null, null, null, false, null, null, null);
    }

    private final UUID id;
    private final IncidentId incidentId;
    private final UUID organisationId;
    private final ObligationKind kind;
    private final Recipient recipient;
    private Instant windowStart;
    private Instant dueAt;
    private ObligationState state;
    private Record record;
    private final int revision;
    private ObligationRecorded event;

    Obligation(
            UUID id,
            IncidentId incidentId,
            UUID organisationId,
            ObligationKind kind,
            Recipient recipient,
            Instant windowStart,
            Instant dueAt,
            ObligationState state,
            Record record,
            int revision) {
        this.id = Objects.requireNonNull(id);
        this.incidentId = Objects.requireNonNull(incidentId);
        this.organisationId = Objects.requireNonNull(organisationId);
        this.kind = Objects.requireNonNull(kind);
        this.recipient = Objects.requireNonNull(recipient);
        this.windowStart = windowStart;
        this.dueAt = dueAt;
        this.state = Objects.requireNonNull(state);
        this.record = Objects.requireNonNull(record);
        this.revision = revision;
    }

    /** A pending obligation the rules found. */
    static Obligation pending(IncidentId incidentId, UUID organisationId, Deadlines.Due due) {
        return new Obligation(
                UUID.randomUUID(),
                incidentId,
                organisationId,
                due.kind(),
                due.recipient(),
                due.windowStart(),
                due.dueAt(),
                ObligationState.PENDING,
                Record.NONE,
                0);
    }

    /** An obligation added by hand (a voluntary notification, a supplement): pending, without a deadline. */
    static Obligation added(
            IncidentId incidentId,
            UUID organisationId,
            ObligationKind kind,
            Recipient recipient,
            Actor by,
            Instant now,
            String reference) {
        if (kind == null || !kind.manual()) {
            throw Refusal.invalid(NOT_MANUAL);
        }
        Obligation added = pending(incidentId, organisationId, new Deadlines.Due(kind, recipient, null, null));
        added.event = added.recorded(reference, null, by, now);
        return added;
    }

    /** Moves the due moment of a pending obligation when the facts or the submissions changed. */
    boolean reschedule(Deadlines.Due due) {
        if (state != ObligationState.PENDING
                || (Objects.equals(windowStart, due.windowStart()) && Objects.equals(dueAt, due.dueAt()))) {
            return false;
        }
        this.windowStart = due.windowStart();
        this.dueAt = due.dueAt();
        return true;
    }

    /**
     * Records that it was sent: when (not in the future), how, with the recipient's reference, and whether more
     * information follows ({@code phased}). Sent after the due moment it is LATE and needs the reason for the delay.
     */
    void submit(
            Instant submittedAt,
            String channel,
            String externalReference,
            boolean phased,
            String delayReason,
            Actor by,
            Instant now,
            String reference) {
        requirePending();
        if (submittedAt == null) {
            throw Refusal.invalid(SUBMITTED_REQUIRED);
        }
        if (submittedAt.isAfter(now)) {
            throw Refusal.invalid(SUBMITTED_FUTURE);
        }
        if (blank(channel)) {
            throw Refusal.invalid(CHANNEL_REQUIRED);
        }
        boolean late = dueAt != null && submittedAt.isAfter(dueAt);
        if (late && blank(delayReason)) {
            throw Refusal.invalid(DELAY_REASON_REQUIRED);
        }
        this.state = late ? ObligationState.LATE : ObligationState.SUBMITTED;
        this.record = new Record(
                null,
                submittedAt,
                channel.strip(),
                blank(externalReference) ? null : externalReference.strip(),
                phased,
                late ? delayReason.strip() : null,
                by,
                now);
        this.event = recorded(reference, record.delayReason(), by, now);
    }

    /** Records that the obligation does not apply, and why. */
    void declareNotApplicable(String reason, Actor by, Instant now, String reference) {
        requirePending();
        if (blank(reason)) {
            throw Refusal.invalid(REASON_REQUIRED);
        }
        this.state = ObligationState.NOT_APPLICABLE;
        this.record = new Record(reason.strip(), null, null, null, false, null, by, now);
        this.event = recorded(reference, record.reason(), by, now);
    }

    private void requirePending() {
        if (state != ObligationState.PENDING) {
            throw Refusal.conflict(ALREADY_RECORDED);
        }
    }

    private ObligationRecorded recorded(String reference, String reason, Actor by, Instant now) {
        return new ObligationRecorded(
                incidentId,
                organisationId,
                reference,
                id,
                kind.name(),
                recipient.name(),
                state.name(),
                reason,
                by.id(),
                now);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Whether it is pending and its due moment has passed at {@code now}. */
    public boolean overdue(Instant now) {
        return state == ObligationState.PENDING && dueAt != null && now.isAfter(dueAt);
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

    public ObligationKind kind() {
        return kind;
    }

    public Recipient recipient() {
        return recipient;
    }

    public Instant windowStart() {
        return windowStart;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public ObligationState state() {
        return state;
    }

    public Record record() {
        return record;
    }

    int revision() {
        return revision;
    }

    /** The event of the last transition, if any, for the use case to publish. */
    Optional<ObligationRecorded> event() {
        return Optional.ofNullable(event);
    }
}
