package be.bolwerk.findings.register;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.event.FindingChanged;
import be.bolwerk.findings.event.FindingConfirmed;
import be.bolwerk.findings.event.FindingDueDateMoved;
import be.bolwerk.findings.event.FindingEvent;
import be.bolwerk.findings.event.FindingFixVerified;
import be.bolwerk.findings.event.FindingMarkedDuplicate;
import be.bolwerk.findings.event.FindingMarkedFalsePositive;
import be.bolwerk.findings.event.FindingMarkedOutOfScope;
import be.bolwerk.findings.event.FindingOwnerAssigned;
import be.bolwerk.findings.event.FindingRaised;
import be.bolwerk.findings.event.FindingReopened;
import be.bolwerk.findings.event.FindingResolved;
import be.bolwerk.findings.event.FindingRetested;
import be.bolwerk.findings.event.FindingRiskAccepted;
import be.bolwerk.findings.event.FindingSeenAgain;
import be.bolwerk.findings.event.FindingWorkStarted;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One finding of an organisation's register and its named state machine. Each transition is a method that checks
 * its rule (a {@link Refusal} otherwise), moves the status, appends a {@link Step} to the history and raises a
 * past-tense event; the store writes the new state and the steps, the use case publishes the events, in one
 * transaction. Who may take a step is the use case's business; this class knows which steps the finding allows.
 * The due date is set once from the SLA profile when the finding arrives (and again only when its severity or the
 * known-exploited mark changes): reopening keeps it.
 */
public final class Finding {

    static final String RULE_STATE = "finding.rule.state";
    static final String REASON_REQUIRED = "finding.rule.reasonRequired";
    static final String NOTE_REQUIRED = "finding.rule.noteRequired";
    static final String DUPLICATE_SELF = "finding.rule.duplicateSelf";
    static final String DUPLICATE_CHAIN = "finding.rule.duplicateChain";
    static final String RETEST_FUTURE = "finding.rule.retestFuture";
    static final String SAME_OWNER = "finding.rule.sameOwner";
    static final String TESTER_REQUIRED = "finding.rule.testerRequired";
    static final String TITLE_REQUIRED = "finding.rule.titleRequired";

    /** Where the work can be marked as a duplicate, false positive or out of scope: before it is resolved. */
    private static final Set<FindingStatus> CLOSABLE = FindingStatus.OPEN;

    /** Where a retest can be recorded: the open states and a resolved finding. */
    private static final Set<FindingStatus> RETESTABLE = EnumSet.of(
            FindingStatus.CONFIRMED, FindingStatus.IN_PROGRESS, FindingStatus.REOPENED, FindingStatus.RESOLVED);

    /** Where a second look can reopen it: resolved or closed by people (not by a risk acceptance). */
    private static final Set<FindingStatus> REOPENABLE = EnumSet.of(
            FindingStatus.RESOLVED,
            FindingStatus.FIX_VERIFIED,
            FindingStatus.DUPLICATE,
            FindingStatus.FALSE_POSITIVE,
            FindingStatus.OUT_OF_SCOPE);

    /** The closed statuses of the reports (ADR 0031): a closing step sets {@link #closedAt}, leaving one clears it. */
    static final Set<FindingStatus> CLOSED = EnumSet.of(
            FindingStatus.FIX_VERIFIED,
            FindingStatus.DUPLICATE,
            FindingStatus.FALSE_POSITIVE,
            FindingStatus.OUT_OF_SCOPE);

    /** Where a finding came from: the source, the record there it is about, and what that record belongs to. */
    public record Origin(FindingSource source, UUID sourceId, UUID sourceParent) {

        public static Origin manual() {
            return new Origin(FindingSource.MANUAL, null, null);
        }

        /** The page of the source that the finding links back to; null when there is none to link to. */
        public String link() {
            if (sourceParent == null) {
                return null;
            }
            return switch (source) {
                case SELF_EVALUATION_ACTION -> "/assessments/" + sourceParent + "/results#actions";
                case AUDIT -> "/audits/" + sourceParent;
                case ENGAGEMENT -> "/engagements/" + sourceParent;
                case IMPORT -> "/findings/import/" + sourceParent;
                case INCIDENT -> "/incidents/" + sourceParent + "/lessons";
                default -> null;
            };
        }
    }

    /** What people write about a finding; everything but the title may stay empty. */
    public record Details(
            String title,
            String description,
            Severity severity,
            String affectedSystem,
            String recommendation,
            LocalDate plannedOn,
            Effort effort,
            String controlRef,
            boolean knownExploited,
            String externalId) {

        public Details {
            if (title == null || title.isBlank()) {
                throw Refusal.invalid(TITLE_REQUIRED);
            }
            title = title.strip();
            description = text(description);
            severity = severity == null ? Severity.MEDIUM : severity;
            affectedSystem = text(affectedSystem);
            recommendation = text(recommendation);
            controlRef = text(controlRef);
            externalId = text(externalId);
        }

        private static String text(String value) {
            return value == null ? "" : value.strip();
        }
    }

    private final FindingId id;
    private final UUID organisationId;
    private final Origin origin;
    private final UUID createdBy;
    private final Instant createdAt;
    private final int revision;
    private Details details;
    private String cvssVector;
    private BigDecimal cvssScore;
    private UUID ownerId;
    private String ownerName;
    private LocalDate slaStart;
    private LocalDate dueDate;
    private FindingStatus status;
    private FindingId duplicateOf;
    private String statusReason;
    private Instant closedAt;

    private final List<FindingEvent> events = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private Retest newRetest;

    Finding(
            FindingId id,
            UUID organisationId,
            Origin origin,
            Details details,
            String cvssVector,
            BigDecimal cvssScore,
            UUID ownerId,
            String ownerName,
            LocalDate slaStart,
            LocalDate dueDate,
            FindingStatus status,
            FindingId duplicateOf,
            String statusReason,
            Instant closedAt,
            UUID createdBy,
            Instant createdAt,
            int revision) {
        this.id = id;
        this.organisationId = organisationId;
        this.origin = origin;
        this.details = details;
        this.cvssVector = cvssVector;
        this.cvssScore = cvssScore;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.slaStart = slaStart;
        this.dueDate = dueDate;
        this.status = status;
        this.duplicateOf = duplicateOf;
        this.statusReason = statusReason;
        this.closedAt = closedAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.revision = revision;
    }

    /**
     * A new finding that reached the organisation on {@code start} (the day of the audit report, the proposal, the
     * acceptance, or today for one written by hand): its due date is {@code start} plus the SLA days of its severity.
     */
    public static Finding raise(
            UUID organisationId,
            Origin origin,
            Details details,
            SlaProfile sla,
            LocalDate start,
            Actor by,
            Instant at) {
        Finding finding = new Finding(
                new FindingId(UUID.randomUUID()),
                organisationId,
                origin,
                details,
                null,
                null,
                null,
                null,
                start,
                sla.dueDate(details.severity(), details.knownExploited(), start),
                FindingStatus.NEW,
                null,
                null,
                null,
                by.id(),
                at,
                0);
        finding.happened(
                new FindingRaised(
                        finding.id,
                        organisationId,
                        details.title(),
                        origin.source(),
                        details.severity(),
                        finding.dueDate),
                Step.Kind.RAISED,
                by,
                at,
                null);
        return finding;
    }

    /** Gives the finding to a member of the organisation (the use case checks membership). */
    public void assign(UUID owner, String name, Actor by, Instant at) {
        Objects.requireNonNull(owner, "owner");
        if (owner.equals(ownerId)) {
            throw Refusal.conflict(SAME_OWNER, name);
        }
        this.ownerId = owner;
        this.ownerName = name;
        happened(
                new FindingOwnerAssigned(id, organisationId, title(), owner, name),
                Step.Kind.OWNER_ASSIGNED,
                by,
                at,
                name);
    }

    /**
     * New details. A new severity or known-exploited mark gives a new due date from the same start, so the SLA keeps
     * counting from the day the finding arrived; other changes leave the due date alone.
     */
    public void change(Details changed, SlaProfile sla, Actor by, Instant at) {
        boolean slaChanged =
                changed.severity() != details.severity() || changed.knownExploited() != details.knownExploited();
        this.details = changed;
        if (slaChanged) {
            this.dueDate = sla.dueDate(changed.severity(), changed.knownExploited(), slaStart);
        }
        happened(new FindingChanged(id, organisationId, title(), dueDate), Step.Kind.CHANGED, by, at, null);
    }

    /** The CVSS vector and its score, as the CVSS module checked and computed them; null clears both. */
    public void rate(String vector, BigDecimal score, Actor by, Instant at) {
        this.cvssVector = vector;
        this.cvssScore = score;
        happened(new FindingChanged(id, organisationId, title(), dueDate), Step.Kind.CHANGED, by, at, vector);
    }

    /**
     * The audit report arrived after the finding: its SLA starts on the report's day (the day the organisation has
     * it in writing). Only a finding still open and not restarted before moves; the store makes it happen once.
     */
    public void restartSla(LocalDate start, SlaProfile sla, Actor by, Instant at) {
        if (!status.isOpen()) {
            throw Refusal.conflict(RULE_STATE);
        }
        this.slaStart = start;
        this.dueDate = sla.dueDate(details.severity(), details.knownExploited(), start);
        happened(
                new FindingChanged(id, organisationId, title(), dueDate),
                Step.Kind.SLA_RESTARTED,
                by,
                at,
                start.toString());
    }

    public void confirm(Actor by, Instant at) {
        require(status == FindingStatus.NEW);
        moveTo(FindingStatus.CONFIRMED, at);
        happened(new FindingConfirmed(id, organisationId, title()), Step.Kind.CONFIRMED, by, at, null);
    }

    public void startWork(Actor by, Instant at) {
        require(status == FindingStatus.CONFIRMED || status == FindingStatus.REOPENED);
        moveTo(FindingStatus.IN_PROGRESS, at);
        happened(new FindingWorkStarted(id, organisationId, title()), Step.Kind.WORK_STARTED, by, at, null);
    }

    /** The fix is in place, says the organisation; a new finding must be confirmed first. */
    public void resolve(String note, Actor by, Instant at) {
        require(status == FindingStatus.CONFIRMED
                || status == FindingStatus.IN_PROGRESS
                || status == FindingStatus.REOPENED);
        moveTo(FindingStatus.RESOLVED, at);
        String text = blankToNull(note);
        happened(new FindingResolved(id, organisationId, title(), text), Step.Kind.RESOLVED, by, at, text);
    }

    /**
     * A retest of the fix. Fixed verifies it and closes the finding; not fixed reopens it (due date unchanged);
     * partially fixed keeps it open, back in progress when it was resolved, with the note that says what remains.
     */
    public void retest(
            LocalDate testedOn,
            String tester,
            RetestResult result,
            String note,
            LocalDate today,
            Actor by,
            Instant at) {
        require(RETESTABLE.contains(status));
        if (testedOn.isAfter(today)) {
            throw Refusal.invalid(RETEST_FUTURE);
        }
        String text = blankToNull(note);
        if (result != RetestResult.FIXED && text == null) {
            throw Refusal.invalid(NOTE_REQUIRED);
        }
        if (tester == null || tester.isBlank()) {
            throw Refusal.invalid(TESTER_REQUIRED);
        }
        this.newRetest = new Retest(UUID.randomUUID(), testedOn, tester.strip(), result, text, by.id(), at);
        happened(
                new FindingRetested(id, organisationId, title(), testedOn, tester.strip(), result, text),
                Step.Kind.RETESTED,
                by,
                at,
                text);
        switch (result) {
            case FIXED -> {
                moveTo(FindingStatus.FIX_VERIFIED, at);
                this.statusReason = null;
                happened(new FindingFixVerified(id, organisationId, title()), Step.Kind.FIX_VERIFIED, by, at, null);
            }
            case NOT_FIXED -> {
                moveTo(FindingStatus.REOPENED, at);
                this.statusReason = text;
                happened(new FindingReopened(id, organisationId, title(), text), Step.Kind.REOPENED, by, at, text);
            }
            case PARTIALLY_FIXED -> {
                if (status == FindingStatus.RESOLVED) {
                    moveTo(FindingStatus.IN_PROGRESS, at);
                }
                this.statusReason = text;
            }
        }
    }

    /** A second look: open again with the reason, keeping the original due date. */
    public void reopen(String reason, Actor by, Instant at) {
        require(REOPENABLE.contains(status));
        String text = reason(reason);
        moveTo(FindingStatus.REOPENED, at);
        this.duplicateOf = null;
        this.statusReason = text;
        happened(new FindingReopened(id, organisationId, title(), text), Step.Kind.REOPENED, by, at, text);
    }

    /** The same as {@code original}, another finding of the same organisation (the use case loads it as such). */
    public void markDuplicateOf(Finding original, Actor by, Instant at) {
        require(CLOSABLE.contains(status));
        if (original.id.equals(id)) {
            throw Refusal.invalid(DUPLICATE_SELF);
        }
        if (!original.organisationId.equals(organisationId)) {
            throw new FindingNotFound();
        }
        if (original.status == FindingStatus.DUPLICATE) {
            throw Refusal.invalid(DUPLICATE_CHAIN, original.title());
        }
        moveTo(FindingStatus.DUPLICATE, at);
        this.duplicateOf = original.id;
        this.statusReason = null;
        happened(
                new FindingMarkedDuplicate(id, organisationId, title(), original.id),
                Step.Kind.DUPLICATE,
                by,
                at,
                original.title());
    }

    public void markFalsePositive(String reason, Actor by, Instant at) {
        require(CLOSABLE.contains(status));
        String text = reason(reason);
        moveTo(FindingStatus.FALSE_POSITIVE, at);
        this.statusReason = text;
        happened(
                new FindingMarkedFalsePositive(id, organisationId, title(), text),
                Step.Kind.FALSE_POSITIVE,
                by,
                at,
                text);
    }

    public void markOutOfScope(String reason, Actor by, Instant at) {
        require(CLOSABLE.contains(status));
        String text = reason(reason);
        moveTo(FindingStatus.OUT_OF_SCOPE, at);
        this.statusReason = text;
        happened(new FindingMarkedOutOfScope(id, organisationId, title(), text), Step.Kind.OUT_OF_SCOPE, by, at, text);
    }

    /** Which transitions the finding allows now, for the page's buttons. */
    public boolean mayConfirm() {
        return status == FindingStatus.NEW;
    }

    public boolean mayStartWork() {
        return status == FindingStatus.CONFIRMED || status == FindingStatus.REOPENED;
    }

    public boolean mayResolve() {
        return status == FindingStatus.CONFIRMED
                || status == FindingStatus.IN_PROGRESS
                || status == FindingStatus.REOPENED;
    }

    public boolean mayRetest() {
        return RETESTABLE.contains(status);
    }

    public boolean mayReopen() {
        return REOPENABLE.contains(status);
    }

    public boolean mayClose() {
        return CLOSABLE.contains(status);
    }

    /** Open and past its due date on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status.isOpen() && dueDate != null && dueDate.isBefore(today);
    }

    /**
     * The one place the status moves: a closing status takes the step's moment as the closing moment, any other
     * clears it, so {@link #closedAt} is set exactly while the finding is closed (the reports read it, ADR 0033).
     */
    private void moveTo(FindingStatus next, Instant at) {
        this.status = next;
        this.closedAt = CLOSED.contains(next) ? at : null;
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw Refusal.conflict(RULE_STATE);
        }
    }

    private static String reason(String reason) {
        String text = blankToNull(reason);
        if (text == null) {
            throw Refusal.invalid(REASON_REQUIRED);
        }
        return text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void happened(FindingEvent event, Step.Kind kind, Actor by, Instant at, String note) {
        events.add(event);
        steps.add(new Step(kind, by.id(), by.name(), at, note));
    }

    // Bulk actions
    static final String DUE_SAME = "findings.bulk.rule.sameDue";

    /**
     * A new due date set by hand, with the reason (the history and the event keep both). Only an open finding moves:
     * a closed one's due date is history. The SLA start stays, so the programme still sees when the finding arrived.
     */
    public void moveDueDate(LocalDate date, String reason, Actor by, Instant at) {
        Objects.requireNonNull(date, "date");
        require(status.isOpen());
        String text = reason(reason);
        if (date.equals(dueDate)) {
            throw Refusal.conflict(DUE_SAME, title());
        }
        LocalDate from = dueDate;
        this.dueDate = date;
        happened(
                new FindingDueDateMoved(id, organisationId, title(), from, date, text),
                Step.Kind.DUE_DATE_MOVED,
                by,
                at,
                java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy").format(date) + ": " + text);
    }

    // Imports and CVSS in the forms (ADR 0029)

    /**
     * A new finding that arrives with a CVSS vector already checked and scored by {@code findings.cvss} (written by
     * hand with one, or imported from a file that gives one); without a vector it is {@link #raise}.
     */
    public static Finding raiseRated(
            UUID organisationId,
            Origin origin,
            Details details,
            String cvssVector,
            BigDecimal cvssScore,
            SlaProfile sla,
            LocalDate start,
            Actor by,
            Instant at) {
        Finding finding = raise(organisationId, origin, details, sla, start, by, at);
        finding.cvssVector = cvssVector;
        finding.cvssScore = cvssVector == null ? null : cvssScore;
        return finding;
    }

    /**
     * The finding appeared again in an imported file (an equal repeat key). What a scanner says about it follows the
     * file: title, description, severity, affected system, recommendation and the CVSS vector when the file gives
     * one; the planned date, control reference and external id when the file gives them. What people decided stays:
     * owner, SLA start, due date (also when the severity changed), effort, the known-exploited mark and the status.
     * One exception: a finding that was resolved or whose fix was verified is reopened, since the scanner still sees
     * it; it keeps its original due date. A finding closed as duplicate, false positive or out of scope stays closed:
     * that was a decision about this very finding. Returns true when it was reopened.
     */
    public boolean seenAgain(
            Details seen, String vector, BigDecimal score, UUID importId, String fileName, Actor by, Instant at) {
        this.details = new Details(
                seen.title(),
                seen.description(),
                seen.severity(),
                seen.affectedSystem(),
                seen.recommendation(),
                seen.plannedOn() != null ? seen.plannedOn() : details.plannedOn(),
                details.effort(),
                seen.controlRef().isEmpty() ? details.controlRef() : seen.controlRef(),
                details.knownExploited(),
                seen.externalId().isEmpty() ? details.externalId() : seen.externalId());
        if (vector != null) {
            this.cvssVector = vector;
            this.cvssScore = score;
        }
        boolean reopen = status == FindingStatus.RESOLVED || status == FindingStatus.FIX_VERIFIED;
        happened(
                new FindingSeenAgain(id, organisationId, title(), importId, fileName, reopen),
                Step.Kind.SEEN_AGAIN,
                by,
                at,
                fileName);
        if (reopen) {
            moveTo(FindingStatus.REOPENED, at);
            this.statusReason = fileName;
            happened(new FindingReopened(id, organisationId, title(), fileName), Step.Kind.REOPENED, by, at, fileName);
        }
        return reopen;
    }

    // Risk acceptance
    /**
     * An active risk acceptance covers this open finding: it is risk accepted (and no other step moves it) until
     * the acceptance expires or is revoked. The history names the acceptance.
     */
    public void acceptRisk(RiskAcceptanceId acceptance, String acceptanceTitle, Actor by, Instant at) {
        require(status.isOpen());
        moveTo(FindingStatus.RISK_ACCEPTED, at);
        this.statusReason = acceptanceTitle;
        happened(
                new FindingRiskAccepted(id, organisationId, title(), acceptance, acceptanceTitle),
                Step.Kind.RISK_ACCEPTED,
                by,
                at,
                acceptanceTitle);
    }

    /**
     * The acceptance that covered the finding expired or was revoked on {@code start}: the finding is open again and
     * its SLA starts anew on that day, with the due date of the current profile. Not the original due date, which a
     * reopening otherwise keeps: the time to fix counts from the day the organisation stopped accepting the risk.
     */
    public void endRiskAcceptance(String acceptanceTitle, LocalDate start, SlaProfile sla, Actor by, Instant at) {
        require(status == FindingStatus.RISK_ACCEPTED);
        moveTo(FindingStatus.REOPENED, at);
        this.statusReason = acceptanceTitle;
        this.slaStart = start;
        this.dueDate = sla.dueDate(details.severity(), details.knownExploited(), start);
        happened(
                new FindingReopened(id, organisationId, title(), acceptanceTitle),
                Step.Kind.RISK_ACCEPTANCE_ENDED,
                by,
                at,
                acceptanceTitle);
        events.add(new FindingChanged(id, organisationId, title(), dueDate));
    }

    public boolean isRiskAccepted() {
        return status == FindingStatus.RISK_ACCEPTED;
    }

    public FindingId id() {
        return id;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public Origin origin() {
        return origin;
    }

    public Details details() {
        return details;
    }

    public String title() {
        return details.title();
    }

    public Severity severity() {
        return details.severity();
    }

    public String cvssVector() {
        return cvssVector;
    }

    public BigDecimal cvssScore() {
        return cvssScore;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public String ownerName() {
        return ownerName;
    }

    public LocalDate slaStart() {
        return slaStart;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public FindingStatus status() {
        return status;
    }

    public FindingId duplicateOf() {
        return duplicateOf;
    }

    public String statusReason() {
        return statusReason;
    }

    /** When its last closing step happened while it is closed (ADR 0031); null while it is not. */
    public Instant closedAt() {
        return closedAt;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int revision() {
        return revision;
    }

    /** The events of the transitions since it was loaded, in order. */
    public List<FindingEvent> events() {
        return List.copyOf(events);
    }

    List<Step> newSteps() {
        return List.copyOf(steps);
    }

    Retest newRetest() {
        return newRetest;
    }
}
