package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's finding in an engagement. The supervisor reviews each: accepted, the organisation sees it; sent
 * back, its student improves it and submits it again. An accepted finding no longer changes.
 */
public record Finding(
        UUID id,
        EngagementId engagementId,
        UUID organisationId,
        String title,
        Severity severity,
        String description,
        State state,
        String remark,
        UUID reportedBy,
        String reportedByName,
        Instant reportedAt,
        UUID reviewedBy,
        Instant reviewedAt) {

    public enum Severity {
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }

    public enum State {
        SUBMITTED,
        SENT_BACK,
        ACCEPTED
    }

    static final String NOT_AWAITING_REVIEW = "engagement.finding.notAwaitingReview";
    static final String NOT_SENT_BACK = "engagement.finding.notSentBack";

    public static Finding submit(
            Engagement engagement, String title, Severity severity, String description, Person by, Instant at) {
        return new Finding(
                UUID.randomUUID(),
                engagement.id(),
                engagement.organisationId(),
                title.strip(),
                severity,
                description.strip(),
                State.SUBMITTED,
                null,
                by.id(),
                by.name(),
                at,
                null,
                null);
    }

    public Finding accept(Person by, Instant at) {
        return reviewed(State.ACCEPTED, null, by, at);
    }

    Finding sendBack(String why, Person by, Instant at) {
        return reviewed(State.SENT_BACK, why.strip(), by, at);
    }

    /** The supervisor's review: only a finding that waits for one takes it. */
    private Finding reviewed(State outcome, String why, Person by, Instant at) {
        if (state != State.SUBMITTED) {
            throw Refusal.conflict(NOT_AWAITING_REVIEW);
        }
        return new Finding(
                id,
                engagementId,
                organisationId,
                title,
                severity,
                description,
                outcome,
                why,
                reportedBy,
                reportedByName,
                reportedAt,
                by.id(),
                at);
    }

    /** Its student improves a finding that was sent back; it waits for review again, the remark kept. */
    Finding resubmit(String newTitle, Severity newSeverity, String newDescription, Instant at) {
        if (state != State.SENT_BACK) {
            throw Refusal.conflict(NOT_SENT_BACK);
        }
        return new Finding(
                id,
                engagementId,
                organisationId,
                newTitle.strip(),
                newSeverity,
                newDescription.strip(),
                State.SUBMITTED,
                remark,
                reportedBy,
                reportedByName,
                at,
                reviewedBy,
                reviewedAt);
    }
}
