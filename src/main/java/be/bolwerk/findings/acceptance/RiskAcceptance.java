package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.event.group.RiskAcceptanceEvent;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One risk acceptance and its named state machine: proposed → approved (→ active at once) or rejected; active →
 * expired (on its expiry date) or revoked. Each step checks its rule (a {@link Refusal} otherwise), appends a line to
 * the history and raises a past-tense event. Four eyes: whoever proposed never approves or rejects. The findings it
 * covers are of its own organisation and open when it is proposed and again when it is approved; the use case moves
 * them (risk accepted on activation, reopened with a new SLA at the end).
 */
public final class RiskAcceptance {

    static final String RULE_STATE = "findings.acceptance.rule.state";
    static final String FOUR_EYES = "findings.acceptance.rule.fourEyes";
    static final String NO_FINDINGS = "findings.acceptance.rule.noFindings";
    static final String FINDING_NOT_OPEN = "findings.acceptance.rule.findingNotOpen";
    public static final String EXPIRY_PAST = "findings.acceptance.rule.expiryPast";
    public static final String EXPIRY_TOO_LATE = "findings.acceptance.rule.expiryTooLate";
    static final String REASON_REQUIRED = "findings.acceptance.rule.reasonRequired";
    static final String TITLE_REQUIRED = "findings.acceptance.rule.titleRequired";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** A finding as the acceptance needs to know it when it is proposed or approved. */
    public record Covered(FindingId id, UUID organisationId, String title, Severity severity, FindingStatus status) {}

    /** What the proposer writes: everything but the proof file. */
    public record Terms(
            String title,
            RiskDecision decision,
            String measures,
            String reference,
            UUID ownerId,
            String ownerName,
            LocalDate expiresOn) {

        public Terms {
            if (title == null || title.isBlank()) {
                throw Refusal.invalid(TITLE_REQUIRED);
            }
            title = title.strip();
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(ownerId, "owner");
            Objects.requireNonNull(expiresOn, "expiresOn");
            measures = measures == null ? "" : measures.strip();
            reference = reference == null ? "" : reference.strip();
        }
    }

    /** The proof file's name and size; its bytes go to the store beside the acceptance. */
    public record ProofFile(String name, int size) {}

    private final RiskAcceptanceId id;
    private final UUID organisationId;
    private final Terms terms;
    private final List<FindingId> findings;
    private final UUID proposedBy;
    private final String proposedByName;
    private final Instant proposedAt;
    private final ProofFile proof;
    private final int revision;
    private AcceptanceStatus status;
    private String statusReason;
    private UUID decidedBy;
    private Instant decidedAt;
    private LocalDate endedOn;

    private final List<RiskAcceptanceEvent> events = new ArrayList<>();
    private final List<AcceptanceStep> steps = new ArrayList<>();

    RiskAcceptance(
            RiskAcceptanceId id,
            UUID organisationId,
            Terms terms,
            List<FindingId> findings,
            UUID proposedBy,
            String proposedByName,
            Instant proposedAt,
            ProofFile proof,
            AcceptanceStatus status,
            String statusReason,
            UUID decidedBy,
            Instant decidedAt,
            LocalDate endedOn,
            int revision) {
        this.id = id;
        this.organisationId = organisationId;
        this.terms = terms;
        this.findings = List.copyOf(findings);
        this.proposedBy = proposedBy;
        this.proposedByName = proposedByName;
        this.proposedAt = proposedAt;
        this.proof = proof;
        this.status = status;
        this.statusReason = statusReason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.endedOn = endedOn;
        this.revision = revision;
    }

    /**
     * A proposal to accept the risk of {@code covered}, open findings of {@code organisationId}, until the terms'
     * expiry: after {@code today}, and no later than today plus the maximum months of the most severe of them.
     */
    public static RiskAcceptance propose(
            UUID organisationId,
            Terms terms,
            List<Covered> covered,
            ProofFile proof,
            MaximumDuration maximum,
            LocalDate today,
            Actor by,
            Instant at) {
        requireCoverable(organisationId, covered);
        requireExpiry(terms.expiresOn(), covered, maximum, today);
        RiskAcceptance acceptance = new RiskAcceptance(
                new RiskAcceptanceId(UUID.randomUUID()),
                organisationId,
                terms,
                covered.stream().map(Covered::id).distinct().toList(),
                by.id(),
                by.name(),
                at,
                proof,
                AcceptanceStatus.PROPOSED,
                null,
                null,
                null,
                null,
                0);
        acceptance.happened(
                new RiskAcceptanceEvent.Proposed(
                        acceptance.id,
                        organisationId,
                        terms.title(),
                        terms.decision(),
                        acceptance.findings.size(),
                        terms.expiresOn()),
                AcceptanceStep.Kind.PROPOSED,
                by,
                at,
                null);
        return acceptance;
    }

    /**
     * Approved by {@code by}, who is not the proposer; the findings must still be open and the expiry still within
     * the maximum counted from today. Activates it at once: the use case then marks its findings risk accepted.
     */
    public void approve(List<Covered> covered, MaximumDuration maximum, LocalDate today, Actor by, Instant at) {
        require(status == AcceptanceStatus.PROPOSED);
        requireSecondPerson(by);
        requireCoverable(organisationId, covered);
        requireExpiry(terms.expiresOn(), covered, maximum, today);
        this.status = AcceptanceStatus.APPROVED;
        this.decidedBy = by.id();
        this.decidedAt = at;
        happened(
                new RiskAcceptanceEvent.Approved(id, organisationId, title()),
                AcceptanceStep.Kind.APPROVED,
                by,
                at,
                null);
        this.status = AcceptanceStatus.ACTIVE;
        happened(
                new RiskAcceptanceEvent.Activated(id, organisationId, title(), terms.expiresOn()),
                AcceptanceStep.Kind.ACTIVATED,
                by,
                at,
                null);
    }

    /** Rejected by {@code by}, who is not the proposer, with the reason; its findings stay as they are. */
    public void reject(String reason, Actor by, Instant at) {
        require(status == AcceptanceStatus.PROPOSED);
        requireSecondPerson(by);
        String text = reason(reason);
        this.status = AcceptanceStatus.REJECTED;
        this.statusReason = text;
        this.decidedBy = by.id();
        this.decidedAt = at;
        happened(
                new RiskAcceptanceEvent.Rejected(id, organisationId, title(), text),
                AcceptanceStep.Kind.REJECTED,
                by,
                at,
                text);
    }

    /** The expiry date came ({@code today} is on or after it): the acceptance ends on its expiry date. */
    public void expire(LocalDate today, Actor by, Instant at) {
        require(status == AcceptanceStatus.ACTIVE && !today.isBefore(terms.expiresOn()));
        this.status = AcceptanceStatus.EXPIRED;
        this.endedOn = terms.expiresOn();
        happened(
                new RiskAcceptanceEvent.Expired(id, organisationId, title(), terms.expiresOn()),
                AcceptanceStep.Kind.EXPIRED,
                by,
                at,
                null);
    }

    /** Ended before its expiry by an admin (any admin: ending it asks no second person), with the reason. */
    public void revoke(String reason, LocalDate today, Actor by, Instant at) {
        require(status == AcceptanceStatus.ACTIVE);
        String text = reason(reason);
        this.status = AcceptanceStatus.REVOKED;
        this.statusReason = text;
        this.endedOn = today;
        happened(
                new RiskAcceptanceEvent.Revoked(id, organisationId, title(), text),
                AcceptanceStep.Kind.REVOKED,
                by,
                at,
                text);
    }

    public boolean mayDecide() {
        return status == AcceptanceStatus.PROPOSED;
    }

    public boolean mayRevoke() {
        return status == AcceptanceStatus.ACTIVE;
    }

    /** Whether {@code person} proposed it, and so may not decide on it. */
    public boolean proposedBy(UUID person) {
        return proposedBy.equals(person);
    }

    /** Warn the owner from this day on (30 days before the expiry). */
    public LocalDate warnFrom() {
        return terms.expiresOn().minusDays(30);
    }

    private static void requireCoverable(UUID organisationId, List<Covered> covered) {
        if (covered.isEmpty()) {
            throw Refusal.invalid(NO_FINDINGS);
        }
        for (Covered finding : covered) {
            if (!finding.organisationId().equals(organisationId)) {
                throw new RiskAcceptanceNotFound();
            }
            if (!finding.status().isOpen()) {
                throw Refusal.conflict(FINDING_NOT_OPEN, finding.title());
            }
        }
    }

    private static void requireExpiry(
            LocalDate expiresOn, List<Covered> covered, MaximumDuration maximum, LocalDate today) {
        if (!expiresOn.isAfter(today)) {
            throw Refusal.invalid(EXPIRY_PAST);
        }
        Severity worst = covered.stream()
                .map(Covered::severity)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate latest = maximum.latestExpiry(worst, today);
        if (expiresOn.isAfter(latest)) {
            throw Refusal.invalid(EXPIRY_TOO_LATE, DAY.format(latest), maximum.monthsFor(worst));
        }
    }

    private void requireSecondPerson(Actor by) {
        if (proposedBy.equals(by.id())) {
            throw Refusal.conflict(FOUR_EYES);
        }
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw Refusal.conflict(RULE_STATE);
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid(REASON_REQUIRED);
        }
        return reason.strip();
    }

    private void happened(RiskAcceptanceEvent event, AcceptanceStep.Kind kind, Actor by, Instant at, String note) {
        events.add(event);
        steps.add(new AcceptanceStep(kind, by.id(), by.name(), at, note));
    }

    public RiskAcceptanceId id() {
        return id;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public Terms terms() {
        return terms;
    }

    public String title() {
        return terms.title();
    }

    public LocalDate expiresOn() {
        return terms.expiresOn();
    }

    public List<FindingId> findings() {
        return findings;
    }

    public UUID proposedBy() {
        return proposedBy;
    }

    public String proposedByName() {
        return proposedByName;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public ProofFile proof() {
        return proof;
    }

    public AcceptanceStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public int revision() {
        return revision;
    }

    /** The events of the steps since it was loaded, in order. */
    public List<RiskAcceptanceEvent> events() {
        return List.copyOf(events);
    }

    List<AcceptanceStep> newSteps() {
        return List.copyOf(steps);
    }
}
