package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementClosed;
import be.bolwerk.engagement.EngagementEvidenceDeleted;
import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.EngagementReported;
import be.bolwerk.engagement.EngagementRequested;
import be.bolwerk.engagement.EngagementScopeChanged;
import be.bolwerk.engagement.EngagementStarted;
import be.bolwerk.engagement.EngagementStoppedForCompromise;
import be.bolwerk.engagement.EngagementStudentsAssigned;
import be.bolwerk.engagement.EvidenceDeletionDateSet;
import be.bolwerk.engagement.RulesOfEngagementSigned;
import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.scope.ScopeText;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One ethical-hacking engagement of an organisation with a college. Every change is a named method that checks
 * its rule, moves the state, and registers a past-tense event and a line of history for the store to write.
 * The rule that carries the module: no work without a valid signature, where valid means the SHA-256 of the
 * canonical text of the scope as it is now equals the signed one. Any change of the scope therefore voids it.
 */
public final class Engagement {

    /** How long evidence is kept after closing (or stopping) unless someone sets another date. */
    public static final int EVIDENCE_DAYS_AFTER_END = 90;

    static final String NOT_SIGNED = "engagement.rule.notSigned";
    static final String WRONG_STATE = "engagement.rule.state";
    static final String SCOPE_LOCKED = "engagement.rule.scopeLocked";
    static final String NOTHING_CHANGED = "engagement.rule.unchanged";
    static final String DATE_PAST = "engagement.rule.deletionDatePast";
    static final String EVIDENCE_GONE = "engagement.rule.evidenceGone";
    static final String NO_STUDENTS = "engagement.rule.noStudents";

    private final EngagementId id;
    private final UUID organisationId;
    private final String organisationName;
    private final String college;
    private final UUID requestedBy;
    private final Instant requestedAt;
    private final int version;
    private String title;
    private EngagementState state;
    private Scope scope;
    private Signature signature;
    private LocalDate evidenceDeleteOn;
    private Instant evidenceDeletedAt;

    private final List<Object> events = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    Engagement(
            EngagementId id,
            UUID organisationId,
            String organisationName,
            String title,
            String college,
            EngagementState state,
            Scope scope,
            Signature signature,
            LocalDate evidenceDeleteOn,
            Instant evidenceDeletedAt,
            UUID requestedBy,
            Instant requestedAt,
            int version) {
        this.id = id;
        this.organisationId = organisationId;
        this.organisationName = organisationName;
        this.title = title;
        this.college = college;
        this.state = state;
        this.scope = scope;
        this.signature = signature;
        this.evidenceDeleteOn = evidenceDeleteOn;
        this.evidenceDeletedAt = evidenceDeletedAt;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.version = version;
    }

    /** A new engagement, waiting for its signature. */
    public static Engagement request(
            UUID organisationId,
            String organisationName,
            String title,
            String college,
            Scope scope,
            Person by,
            Instant at) {
        Engagement engagement = new Engagement(
                new EngagementId(UUID.randomUUID()),
                organisationId,
                organisationName,
                title.strip(),
                college,
                EngagementState.REQUESTED,
                scope,
                null,
                null,
                null,
                by.id(),
                at,
                0);
        engagement.happened(
                new EngagementRequested(engagement.id, organisationId, engagement.title, college),
                new Step(Step.Kind.REQUESTED, by.id(), by.name(), at, null));
        return engagement;
    }

    /** The text the signatory signs: the scope as it is now, in its one canonical rendering. */
    public String canonicalText() {
        return ScopeText.render(id.value(), organisationName, college, title, scope);
    }

    /** Signed, and the scope is still exactly the signed one. */
    public boolean signatureValid() {
        return signature != null && signature.sha256().equals(ScopeText.sha256(canonicalText()));
    }

    /**
     * A new title or scope (or other consents). If the canonical text is the same, nothing happened; otherwise a
     * signature is void and the engagement waits for a new one (the students stay assigned).
     */
    public void changeScope(String newTitle, Scope newScope, Person by, Instant at) {
        if (!state.scopeEditable()) {
            throw Refusal.conflict(SCOPE_LOCKED);
        }
        String before = canonicalText();
        String oldTitle = title;
        Scope oldScope = scope;
        title = newTitle.strip();
        scope = newScope;
        if (before.equals(canonicalText())) {
            title = oldTitle;
            scope = oldScope;
            throw Refusal.invalid(NOTHING_CHANGED);
        }
        boolean voided = signature != null;
        signature = null;
        state = EngagementState.REQUESTED;
        happened(
                new EngagementScopeChanged(id, organisationId, voided),
                new Step(voided ? Step.Kind.SIGNATURE_VOIDED : Step.Kind.SCOPE_CHANGED, by.id(), by.name(), at, null));
    }

    /**
     * The signatory signs the scope as shown. Returns to where the work was: ASSIGNED when students were already
     * assigned before a change voided the last signature, SIGNED otherwise.
     */
    public void sign(Person signer, String clientAddress, boolean studentsAssigned, Instant at) {
        if (state != EngagementState.REQUESTED) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
        String text = canonicalText();
        signature = new Signature(signer.id(), signer.name(), at, clientAddress, ScopeText.sha256(text), text);
        state = studentsAssigned ? EngagementState.ASSIGNED : EngagementState.SIGNED;
        happened(
                new RulesOfEngagementSigned(id, organisationId, signer.name(), signature.sha256(), clientAddress),
                new Step(Step.Kind.SIGNED, signer.id(), signer.name(), at, "SHA-256 " + signature.sha256()));
    }

    /** Students may be assigned once signed, also while the testing is under way. */
    public void assign(List<String> students, Person by, Instant at) {
        requireSignature();
        if (state != EngagementState.SIGNED
                && state != EngagementState.ASSIGNED
                && state != EngagementState.UNDER_WAY) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
        if (state == EngagementState.SIGNED) {
            state = EngagementState.ASSIGNED;
        }
        happened(
                new EngagementStudentsAssigned(id, organisationId, List.copyOf(students)),
                new Step(Step.Kind.STUDENTS_ASSIGNED, by.id(), by.name(), at, String.join(", ", students)));
    }

    public void start(boolean studentsAssigned, Person by, Instant at) {
        requireSignature();
        if (state != EngagementState.ASSIGNED) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
        if (!studentsAssigned) {
            throw Refusal.conflict(NO_STUDENTS);
        }
        state = EngagementState.UNDER_WAY;
        happened(new EngagementStarted(id, organisationId), new Step(Step.Kind.STARTED, by.id(), by.name(), at, null));
    }

    /** Findings are work: only under way, and only within a valid signature. */
    public void requireWork() {
        requireSignature();
        if (state != EngagementState.UNDER_WAY) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
    }

    /** A review does not touch the systems, but a stopped or closed engagement takes no more decisions. */
    public void requireReview() {
        if (state != EngagementState.UNDER_WAY && state != EngagementState.REPORTED) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
    }

    void noteFinding(Step step) {
        steps.add(step);
    }

    /** The testing is over; refused while a finding still waits for review. */
    public void report(int awaitingReview, int accepted, Person by, Instant at) {
        requireWork();
        if (awaitingReview > 0) {
            throw Refusal.conflict("engagement.rule.findingsOpen", awaitingReview);
        }
        state = EngagementState.REPORTED;
        happened(
                new EngagementReported(id, organisationId, accepted),
                new Step(Step.Kind.REPORTED, by.id(), by.name(), at, null));
    }

    public void close(Person by, Instant at, LocalDate today) {
        if (state != EngagementState.REPORTED) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
        state = EngagementState.CLOSED;
        if (evidenceDeleteOn == null) {
            evidenceDeleteOn = today.plusDays(EVIDENCE_DAYS_AFTER_END);
        }
        happened(
                new EngagementClosed(id, organisationId, evidenceDeleteOn),
                new Step(Step.Kind.CLOSED, by.id(), by.name(), at, null));
    }

    /**
     * The stop rule: at once, from any state that is not over, with what was seen. Evidence is kept the usual
     * time after the stop unless a date was set: the incident may need it.
     */
    public void stopForCompromise(String description, Person by, Instant at, LocalDate today) {
        if (state.ended()) {
            throw Refusal.conflict(WRONG_STATE, state.name());
        }
        state = EngagementState.STOPPED;
        if (evidenceDeleteOn == null) {
            evidenceDeleteOn = today.plusDays(EVIDENCE_DAYS_AFTER_END);
        }
        happened(
                new EngagementStoppedForCompromise(id, organisationId, description, by.id(), by.name()),
                new Step(Step.Kind.STOPPED, by.id(), by.name(), at, description));
    }

    public void setEvidenceDeletion(LocalDate date, Person by, Instant at, LocalDate today) {
        if (evidenceDeletedAt != null) {
            throw Refusal.conflict(EVIDENCE_GONE);
        }
        if (!date.isAfter(today)) {
            throw Refusal.invalid(DATE_PAST);
        }
        evidenceDeleteOn = date;
        happened(
                new EvidenceDeletionDateSet(id, organisationId, date),
                new Step(Step.Kind.DELETION_DATE_SET, by.id(), by.name(), at, date.toString()));
    }

    void evidenceDeleted(int files, Instant at) {
        evidenceDeletedAt = at;
        happened(
                new EngagementEvidenceDeleted(id, organisationId, files),
                new Step(Step.Kind.EVIDENCE_DELETED, null, Person.SYSTEM.name(), at, String.valueOf(files)));
    }

    private void requireSignature() {
        if (!signatureValid()) {
            throw Refusal.conflict(NOT_SIGNED);
        }
    }

    private void happened(Object event, Step step) {
        events.add(event);
        steps.add(step);
    }

    /** The events registered since loading, for the service to publish after the store wrote the change. */
    List<Object> events() {
        return List.copyOf(events);
    }

    List<Step> newSteps() {
        return List.copyOf(steps);
    }

    public EngagementId id() {
        return id;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public String organisationName() {
        return organisationName;
    }

    public String title() {
        return title;
    }

    public String college() {
        return college;
    }

    public EngagementState state() {
        return state;
    }

    public Scope scope() {
        return scope;
    }

    public Signature signature() {
        return signature;
    }

    public LocalDate evidenceDeleteOn() {
        return evidenceDeleteOn;
    }

    public Instant evidenceDeletedAt() {
        return evidenceDeletedAt;
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
}
