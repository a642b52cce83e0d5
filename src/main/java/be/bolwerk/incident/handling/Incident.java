package be.bolwerk.incident.handling;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.IncidentClosed;
import be.bolwerk.incident.event.IncidentContained;
import be.bolwerk.incident.event.IncidentDismissed;
import be.bolwerk.incident.event.IncidentEradicated;
import be.bolwerk.incident.event.IncidentEvent;
import be.bolwerk.incident.event.IncidentMerged;
import be.bolwerk.incident.event.IncidentPutOnHold;
import be.bolwerk.incident.event.IncidentReclassified;
import be.bolwerk.incident.event.IncidentRecovered;
import be.bolwerk.incident.event.IncidentReopened;
import be.bolwerk.incident.event.IncidentReported;
import be.bolwerk.incident.event.IncidentResumed;
import be.bolwerk.incident.event.IncidentTriaged;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One incident and its named state machine. The report is fixed once sent; what the CRT learns later goes into
 * the timeline. The handling part (severity, category, lead analyst, TLP label, status) changes only through the
 * transition methods, each of which checks its rule (a {@link Refusal} otherwise), moves the status and raises a
 * past-tense event; the store writes the state, the use case publishes the events, in one transaction.
 */
public final class Incident {

    static final String WHAT_REQUIRED = "incident.rule.whatRequired";
    static final String NOTICED_REQUIRED = "incident.rule.noticedRequired";
    static final String NOTICED_FUTURE = "incident.rule.noticedFuture";
    static final String STARTED_AFTER_NOTICED = "incident.rule.startedAfterNoticed";
    static final String PHONE_REQUIRED = "incident.rule.phoneRequired";
    public static final String STATE = "incident.rule.state";
    public static final String SEVERITY_REQUIRED = "incident.rule.severityRequired";
    public static final String CATEGORY_REQUIRED = "incident.rule.categoryRequired";
    public static final String LEAD_REQUIRED = "incident.rule.leadRequired";
    public static final String TLP_REQUIRED = "incident.rule.tlpRequired";
    public static final String OUTCOME_REQUIRED = "incident.rule.outcomeRequired";
    public static final String IMPACT_REQUIRED = "incident.rule.impactRequired";
    public static final String REASON_REQUIRED = "incident.rule.reasonRequired";
    public static final String MERGE_SELF = "incident.rule.mergeSelf";
    public static final String MERGE_OTHER_ORGANISATION = "incident.rule.mergeOtherOrganisation";
    public static final String MERGE_TARGET_CLOSED = "incident.rule.mergeTargetClosed";

    /** What is fixed from the moment of reporting. */
    public record Reported(
            IncidentId id,
            UUID organisationId,
            String reference,
            UUID submissionKey,
            ReportChannel channel,
            Actor reporter,
            Instant reportedAt,
            Report report) {}

    private final Reported reported;
    private IncidentSeverity severity;
    private IncidentCategory category;
    private Actor leadAnalyst;
    private Tlp tlp;
    private IncidentStatus status;
    private IncidentStatus statusBeforeHold;
    private String statusReason;
    private IncidentId mergedInto;
    private String outcome;
    private String impact;
    private Instant triagedAt;
    private Instant firstResponseAt;
    private Instant containedAt;
    private Instant closedAt;
    private final int revision;
    private final List<IncidentEvent> events = new ArrayList<>();
    private final List<IncidentStep> newSteps = new ArrayList<>();

    /** Rebuilds an incident as the store read it; {@code handling} holds what changed since it was reported. */
    Incident(Reported reported, Handling handling, int revision) {
        this.reported = Objects.requireNonNull(reported);
        this.severity = handling.severity();
        this.category = handling.category();
        this.leadAnalyst = handling.leadAnalyst();
        this.tlp = handling.tlp();
        this.status = handling.status();
        this.statusBeforeHold = handling.statusBeforeHold();
        this.statusReason = handling.statusReason();
        this.mergedInto = handling.mergedInto();
        this.outcome = handling.outcome();
        this.impact = handling.impact();
        this.triagedAt = handling.triagedAt();
        this.firstResponseAt = handling.firstResponseAt();
        this.containedAt = handling.containedAt();
        this.closedAt = handling.closedAt();
        this.revision = revision;
    }

    /** The part of an incident that the CRT's work changes, as the store reads and writes it. */
    record Handling(
            IncidentSeverity severity,
            IncidentCategory category,
            Actor leadAnalyst,
            Tlp tlp,
            IncidentStatus status,
            IncidentStatus statusBeforeHold,
            String statusReason,
            IncidentId mergedInto,
            String outcome,
            String impact,
            Instant triagedAt,
            Instant firstResponseAt,
            Instant containedAt,
            Instant closedAt) {

        static Handling fresh() {
            return new Handling(
                    null,
                    null,
                    null,
                    Tlp.AMBER,
                    IncidentStatus.REPORTED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /**
     * A new incident from a report. Refused when what happened, when it was noticed or the call-back number is
     * missing, when it was noticed in the future, or started after it was noticed.
     */
    public static Incident report(
            UUID organisationId,
            Report report,
            ReportChannel channel,
            Actor reporter,
            UUID submissionKey,
            Instant now) {
        if (report.whatHappened() == null || report.whatHappened().isBlank()) {
            throw Refusal.invalid(WHAT_REQUIRED);
        }
        if (report.noticedAt() == null) {
            throw Refusal.invalid(NOTICED_REQUIRED);
        }
        if (report.noticedAt().isAfter(now)) {
            throw Refusal.invalid(NOTICED_FUTURE);
        }
        if (report.startedAt() != null && report.startedAt().isAfter(report.noticedAt())) {
            throw Refusal.invalid(STARTED_AFTER_NOTICED);
        }
        if (report.callbackPhone() == null || report.callbackPhone().isBlank()) {
            throw Refusal.invalid(PHONE_REQUIRED);
        }
        UUID id = UUID.randomUUID();
        Incident incident = new Incident(
                new Reported(
                        new IncidentId(id),
                        organisationId,
                        referenceFor(id),
                        submissionKey,
                        channel,
                        reporter,
                        now,
                        report),
                Handling.fresh(),
                0);
        incident.events.add(new IncidentReported(
                incident.id(),
                organisationId,
                incident.reference(),
                channel,
                reporter.id(),
                reporter.name(),
                now,
                report.noticedAt(),
                report.ongoing() == Answer.YES,
                report.ransomware(),
                report.personalData() != Answer.NO));
        return incident;
    }

    /** What people say on the phone: INC- and the first eight characters of the id, upper case. */
    static String referenceFor(UUID id) {
        return "INC-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The same incident with another reference, for the rare case that the first eight characters were taken. */
    Incident withFreshReference() {
        UUID id = UUID.randomUUID();
        Incident again = new Incident(
                new Reported(
                        new IncidentId(id),
                        reported.organisationId(),
                        referenceFor(id),
                        reported.submissionKey(),
                        reported.channel(),
                        reported.reporter(),
                        reported.reportedAt(),
                        reported.report()),
                handling(),
                revision);
        for (IncidentEvent event : events) {
            if (event instanceof IncidentReported r) {
                again.events.add(new IncidentReported(
                        again.id(),
                        r.organisationId(),
                        again.reference(),
                        r.channel(),
                        r.reportedBy(),
                        r.reporterName(),
                        r.reportedAt(),
                        r.noticedAt(),
                        r.ongoing(),
                        r.ransomware(),
                        r.personalDataPossible()));
            }
        }
        return again;
    }

    Handling handling() {
        return new Handling(
                severity,
                category,
                leadAnalyst,
                tlp,
                status,
                statusBeforeHold,
                statusReason,
                mergedInto,
                outcome,
                impact,
                triagedAt,
                firstResponseAt,
                containedAt,
                closedAt);
    }

    public IncidentId id() {
        return reported.id();
    }

    public UUID organisationId() {
        return reported.organisationId();
    }

    public String reference() {
        return reported.reference();
    }

    public Reported reported() {
        return reported;
    }

    public Report report() {
        return reported.report();
    }

    public IncidentSeverity severity() {
        return severity;
    }

    public IncidentCategory category() {
        return category;
    }

    public Actor leadAnalyst() {
        return leadAnalyst;
    }

    public Tlp tlp() {
        return tlp;
    }

    public IncidentStatus status() {
        return status;
    }

    public IncidentStatus statusBeforeHold() {
        return statusBeforeHold;
    }

    public String statusReason() {
        return statusReason;
    }

    public IncidentId mergedInto() {
        return mergedInto;
    }

    public String outcome() {
        return outcome;
    }

    public String impact() {
        return impact;
    }

    public Instant triagedAt() {
        return triagedAt;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant containedAt() {
        return containedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int revision() {
        return revision;
    }

    // The named state machine (ADR 0037). Each step checks the status first (a conflict: the page was stale or the
    // step is not offered), then its input (invalid), and only then changes anything.

    /** REPORTED → TRIAGED: the CRT decides how bad, what kind, who leads and how far it may be shared. */
    public void triage(
            IncidentSeverity severity, IncidentCategory category, Actor lead, Tlp label, Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.REPORTED));
        requireClassification(severity, category, lead, label);
        classify(severity, category, lead, label);
        triagedAt = now;
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        IncidentStatus from = move(IncidentStatus.TRIAGED);
        step(IncidentStep.Kind.TRIAGED, from, actor, now, null);
        events.add(new IncidentTriaged(
                id(),
                organisationId(),
                reference(),
                actor.id(),
                actor.name(),
                now,
                severity,
                category,
                lead.id(),
                lead.name(),
                label));
    }

    /** Changes the classification of a triaged, still open incident without moving its status. */
    public void reclassify(
            IncidentSeverity severity, IncidentCategory category, Actor lead, Tlp label, Actor actor, Instant now) {
        if (!status.isOpen() || status == IncidentStatus.REPORTED) {
            throw Refusal.conflict(STATE);
        }
        requireClassification(severity, category, lead, label);
        IncidentCategory previousCategory = this.category;
        UUID previousLead = leadAnalyst == null ? null : leadAnalyst.id();
        classify(severity, category, lead, label);
        step(IncidentStep.Kind.RECLASSIFIED, status, actor, now, null);
        events.add(new IncidentReclassified(
                id(),
                organisationId(),
                reference(),
                actor.id(),
                actor.name(),
                now,
                severity,
                category,
                lead.id(),
                lead.name(),
                label,
                previousCategory,
                previousLead));
    }

    /** TRIAGED or REOPENED → CONTAINED: the damage no longer spreads. */
    public void contain(Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.TRIAGED, IncidentStatus.REOPENED));
        if (containedAt == null) {
            containedAt = now;
        }
        IncidentStatus from = move(IncidentStatus.CONTAINED);
        step(IncidentStep.Kind.CONTAINED, from, actor, now, null);
        events.add(new IncidentContained(id(), organisationId(), reference(), actor.id(), actor.name(), now));
    }

    /** CONTAINED → ERADICATED: the cause is gone. */
    public void eradicate(Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.CONTAINED));
        IncidentStatus from = move(IncidentStatus.ERADICATED);
        step(IncidentStep.Kind.ERADICATED, from, actor, now, null);
        events.add(new IncidentEradicated(id(), organisationId(), reference(), actor.id(), actor.name(), now));
    }

    /** ERADICATED → RECOVERED: the services run again. */
    public void recover(Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.ERADICATED));
        IncidentStatus from = move(IncidentStatus.RECOVERED);
        step(IncidentStep.Kind.RECOVERED, from, actor, now, null);
        events.add(new IncidentRecovered(id(), organisationId(), reference(), actor.id(), actor.name(), now));
    }

    /** RECOVERED → CLOSED, with what came of it and what it cost; both are what the lessons start from. */
    public void close(String outcome, String impact, Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.RECOVERED));
        String o = required(outcome, OUTCOME_REQUIRED);
        String i = required(impact, IMPACT_REQUIRED);
        this.outcome = o;
        this.impact = i;
        closedAt = now;
        IncidentStatus from = move(IncidentStatus.CLOSED);
        step(IncidentStep.Kind.CLOSED, from, actor, now, o);
        events.add(new IncidentClosed(id(), organisationId(), reference(), actor.id(), actor.name(), now, o, i));
    }

    /** REPORTED or TRIAGED → NOT_AN_INCIDENT (a false alarm, a test), with the reason. */
    public void dismiss(String reason, Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.REPORTED, IncidentStatus.TRIAGED));
        String r = required(reason, REASON_REQUIRED);
        statusReason = r;
        closedAt = now;
        IncidentStatus from = move(IncidentStatus.NOT_AN_INCIDENT);
        step(IncidentStep.Kind.DISMISSED, from, actor, now, r);
        events.add(new IncidentDismissed(id(), organisationId(), reference(), actor.id(), actor.name(), now, from, r));
    }

    /**
     * Open → MERGED into another open incident of the same organisation: the same attack reported twice is handled
     * once, there.
     */
    public void mergeInto(Incident other, String reason, Actor actor, Instant now) {
        requireStatus(IncidentStatus.OPEN);
        if (other.id().equals(id())) {
            throw Refusal.invalid(MERGE_SELF);
        }
        if (!other.organisationId().equals(organisationId())) {
            throw Refusal.invalid(MERGE_OTHER_ORGANISATION);
        }
        if (!other.status().isOpen()) {
            throw Refusal.invalid(MERGE_TARGET_CLOSED);
        }
        String r = required(reason, REASON_REQUIRED);
        statusReason = r;
        mergedInto = other.id();
        closedAt = now;
        IncidentStatus from = move(IncidentStatus.MERGED);
        step(IncidentStep.Kind.MERGED, from, actor, now, other.reference() + ": " + r);
        events.add(new IncidentMerged(
                id(), organisationId(), reference(), actor.id(), actor.name(), now, other.id(), other.reference(), r));
    }

    /** Open and not on hold → ON_HOLD, remembering where it stood so that {@link #resume} goes back there. */
    public void putOnHold(String reason, Actor actor, Instant now) {
        if (!status.isOpen() || status == IncidentStatus.ON_HOLD) {
            throw Refusal.conflict(STATE);
        }
        String r = required(reason, REASON_REQUIRED);
        statusReason = r;
        IncidentStatus from = move(IncidentStatus.ON_HOLD);
        statusBeforeHold = from;
        step(IncidentStep.Kind.PUT_ON_HOLD, from, actor, now, r);
        events.add(new IncidentPutOnHold(id(), organisationId(), reference(), actor.id(), actor.name(), now, from, r));
    }

    /** ON_HOLD → the status it had before the hold. */
    public void resume(Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.ON_HOLD));
        IncidentStatus back = statusBeforeHold == null ? IncidentStatus.TRIAGED : statusBeforeHold;
        IncidentStatus from = move(back);
        statusBeforeHold = null;
        step(IncidentStep.Kind.RESUMED, from, actor, now, null);
        events.add(new IncidentResumed(id(), organisationId(), reference(), actor.id(), actor.name(), now, back));
    }

    /** CLOSED or NOT_AN_INCIDENT → REOPENED, with the reason; the incident is open again, so closedAt goes. */
    public void reopen(String reason, Actor actor, Instant now) {
        requireStatus(EnumSet.of(IncidentStatus.CLOSED, IncidentStatus.NOT_AN_INCIDENT));
        String r = required(reason, REASON_REQUIRED);
        statusReason = r;
        closedAt = null;
        IncidentStatus from = move(IncidentStatus.REOPENED);
        step(IncidentStep.Kind.REOPENED, from, actor, now, r);
        events.add(new IncidentReopened(id(), organisationId(), reference(), actor.id(), actor.name(), now, from, r));
    }

    /** The steps this status allows, for the page to offer exactly those. */
    public Set<IncidentStep.Kind> allowedSteps() {
        Set<IncidentStep.Kind> steps = EnumSet.noneOf(IncidentStep.Kind.class);
        switch (status) {
            case REPORTED -> steps.addAll(EnumSet.of(IncidentStep.Kind.TRIAGED, IncidentStep.Kind.DISMISSED));
            case TRIAGED -> steps.addAll(EnumSet.of(IncidentStep.Kind.CONTAINED, IncidentStep.Kind.DISMISSED));
            case REOPENED -> steps.add(IncidentStep.Kind.CONTAINED);
            case CONTAINED -> steps.add(IncidentStep.Kind.ERADICATED);
            case ERADICATED -> steps.add(IncidentStep.Kind.RECOVERED);
            case RECOVERED -> steps.add(IncidentStep.Kind.CLOSED);
            case ON_HOLD -> steps.add(IncidentStep.Kind.RESUMED);
            case CLOSED, NOT_AN_INCIDENT -> steps.add(IncidentStep.Kind.REOPENED);
            case MERGED -> {}
        }
        if (status.isOpen()) {
            steps.add(IncidentStep.Kind.MERGED);
            if (status != IncidentStatus.ON_HOLD) {
                steps.add(IncidentStep.Kind.PUT_ON_HOLD);
            }
            if (status != IncidentStatus.REPORTED) {
                steps.add(IncidentStep.Kind.RECLASSIFIED);
            }
        }
        return steps;
    }

    /** The history lines of the steps taken since loading, for the store to append in the same transaction. */
    List<IncidentStep> newSteps() {
        return List.copyOf(newSteps);
    }

    private void requireStatus(Set<IncidentStatus> allowed) {
        if (!allowed.contains(status)) {
            throw Refusal.conflict(STATE);
        }
    }

    private static void requireClassification(
            IncidentSeverity severity, IncidentCategory category, Actor lead, Tlp label) {
        if (severity == null) {
            throw Refusal.invalid(SEVERITY_REQUIRED);
        }
        if (category == null) {
            throw Refusal.invalid(CATEGORY_REQUIRED);
        }
        if (lead == null || lead.id() == null) {
            throw Refusal.invalid(LEAD_REQUIRED);
        }
        if (label == null) {
            throw Refusal.invalid(TLP_REQUIRED);
        }
    }

    private void classify(IncidentSeverity severity, IncidentCategory category, Actor lead, Tlp label) {
        this.severity = severity;
        this.category = category;
        this.leadAnalyst = lead;
        this.tlp = label;
    }

    private static String required(String text, String key) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(key);
        }
        return text.strip();
    }

    private IncidentStatus move(IncidentStatus to) {
        IncidentStatus from = status;
        status = to;
        return from;
    }

    private void step(IncidentStep.Kind kind, IncidentStatus from, Actor actor, Instant now, String reason) {
        newSteps.add(new IncidentStep(0, kind, from, status, actor.id(), actor.name(), now, reason));
    }

    /** The events raised since the incident was loaded, for the use case to publish after the store wrote it. */
    public List<IncidentEvent> events() {
        return List.copyOf(events);
    }
}
