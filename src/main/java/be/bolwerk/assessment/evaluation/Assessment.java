package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.AssessmentId;
import be.bolwerk.assessment.AssessmentStarted;
import be.bolwerk.assessment.AssessmentSubmitted;
import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One organisation's self-evaluation of one framework version in one year, with who answers which area.
 * The answers themselves are saved one by one ({@link AnswerStore}); this aggregate guards the life cycle:
 * answers and assignments change only while it is a draft, and submitting locks it for good.
 */
public final class Assessment {

    private final UUID id;
    private final UUID organisationId;
    private final UUID frameworkVersionId;
    private final int year;
    private final UUID previousId;
    private final UUID startedBy;
    private final Instant startedAt;
    private AssessmentStatus status;
    private UUID submittedBy;
    private Instant submittedAt;
    private final Map<String, UUID> assignments;
    private final Integer version;
    private final List<Object> events = new ArrayList<>();
    private Scores submittedScores;

    Assessment(
            UUID id,
            UUID organisationId,
            UUID frameworkVersionId,
            int year,
            UUID previousId,
            UUID startedBy,
            Instant startedAt,
            AssessmentStatus status,
            UUID submittedBy,
            Instant submittedAt,
            Map<String, UUID> assignments,
            Integer version) {
        this.id = id;
        this.organisationId = organisationId;
        this.frameworkVersionId = frameworkVersionId;
        this.year = year;
        this.previousId = previousId;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.status = status;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.assignments = new LinkedHashMap<>(assignments);
        this.version = version;
    }

    public static Assessment start(
            UUID organisationId, UUID frameworkVersionId, int year, Optional<UUID> previous, UUID by, Clock clock) {
        Assessment assessment = new Assessment(
                UUID.randomUUID(),
                organisationId,
                frameworkVersionId,
                year,
                previous.orElse(null),
                by,
                clock.instant(),
                AssessmentStatus.DRAFT,
                null,
                null,
                Map.of(),
                null);
        assessment.events.add(new AssessmentStarted(
                assessment.assessmentId(), organisationId, frameworkVersionId, year, previous.isPresent()));
        return assessment;
    }

    /** Gives an area to a colleague, or back to the organisation's admins with {@code null}. */
    void assign(String areaRef, UUID accountId) {
        requireDraft();
        if (accountId == null) {
            assignments.remove(areaRef);
        } else {
            assignments.put(areaRef, accountId);
        }
    }

    public void submit(Scores scores, UUID by, Clock clock) {
        requireDraft();
        if (!scores.overall().done()) {
            throw Refusal.conflict("assessment.submit.incomplete");
        }
        status = AssessmentStatus.SUBMITTED;
        submittedScores = scores;
        submittedBy = by;
        submittedAt = clock.instant();
        events.add(new AssessmentSubmitted(
                assessmentId(), organisationId, frameworkVersionId, year, scores.total(), scores.targetReached()));
    }

    /** A submitted assessment does not change any more. */
    void requireDraft() {
        if (status != AssessmentStatus.DRAFT) {
            throw Refusal.conflict("assessment.answer.locked");
        }
    }

    public boolean isDraft() {
        return status == AssessmentStatus.DRAFT;
    }

    /** The scores at submission, for the store to keep; empty unless this instance was just submitted. */
    Optional<Scores> submittedScores() {
        return Optional.ofNullable(submittedScores);
    }

    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    public AssessmentId assessmentId() {
        return AssessmentId.of(id);
    }

    public UUID id() {
        return id;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public UUID frameworkVersionId() {
        return frameworkVersionId;
    }

    public int year() {
        return year;
    }

    public UUID previousId() {
        return previousId;
    }

    public UUID startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public AssessmentStatus status() {
        return status;
    }

    public UUID submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Map<String, UUID> assignments() {
        return Map.copyOf(assignments);
    }

    public Optional<UUID> assigneeOf(String areaRef) {
        return Optional.ofNullable(assignments.get(areaRef));
    }

    public Integer version() {
        return version;
    }
}
