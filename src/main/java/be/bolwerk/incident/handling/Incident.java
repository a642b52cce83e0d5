package be.bolwerk.incident.handling;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.IncidentEvent;
import be.bolwerk.incident.event.IncidentReported;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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

    int revision() {
        return revision;
    }

    /** The events raised since the incident was loaded, for the use case to publish after the store wrote it. */
    public List<IncidentEvent> events() {
        return List.copyOf(events);
    }
}
