package be.bolwerk.findings.sources;

import be.bolwerk.assessment.ImprovementActionProposed;
import be.bolwerk.audit.event.AuditFindingRecorded;
import be.bolwerk.audit.event.AuditReportUploaded;
import be.bolwerk.engagement.EngagementFindingAccepted;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.incident.event.work.IncidentLessonAdopted;
import be.bolwerk.shared.BelgianTime;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes findings over from the modules that find them. The events carry no date, so the day a finding reaches
 * the organisation is the day of delivery: right after the source's commit, or later when a crash delayed it
 * (the event publication registry republishes it). A second delivery of the same event finds the finding there
 * and does nothing ({@link Raising#takeOver}; the unique key on the source record backs it up).
 */
@Component
class SourceListeners {

    private final Raising raising;
    private final Handling handling;
    private final Clock clock;

    SourceListeners(Raising raising, Handling handling, Clock clock) {
        this.raising = raising;
        this.handling = handling;
        this.clock = clock;
    }

    /**
     * An improvement action of the self-evaluation: its priority is the severity, its owner the owner, its due date
     * the planned remediation date (the SLA gives the due date), its control the control reference.
     */
    @ApplicationModuleListener
    void on(ImprovementActionProposed action) {
        raising.takeOver(
                action.organisationId(),
                new Finding.Origin(
                        FindingSource.SELF_EVALUATION_ACTION,
                        action.actionId(),
                        action.assessmentId().value()),
                new Finding.Details(
                        action.title(),
                        "",
                        Severity.fromText(action.priority()),
                        "",
                        "",
                        action.dueDate(),
                        null,
                        action.controlRef(),
                        false,
                        ""),
                BelgianTime.today(clock),
                action.ownerId(),
                false);
    }

    /**
     * A finding the auditor recorded. Its description and recommendation stay with the audit (the finding links
     * there); the audit's reference is its external id. The SLA counts from today until the report arrives.
     */
    @ApplicationModuleListener
    void on(AuditFindingRecorded recorded) {
        raising.takeOver(
                recorded.organisationId(),
                new Finding.Origin(
                        FindingSource.AUDIT, recorded.findingId(), recorded.id().value()),
                new Finding.Details(
                        recorded.title(),
                        "",
                        Severity.fromText(recorded.severity()),
                        "",
                        "",
                        null,
                        null,
                        "",
                        false,
                        recorded.reference()),
                BelgianTime.today(clock),
                null,
                true);
    }

    /** The audit report: the SLA of that audit's open findings starts on the day of the report. */
    @ApplicationModuleListener
    void on(AuditReportUploaded report) {
        handling.restartAtReport(report.organisationId(), report.id().value(), BelgianTime.today(clock));
    }

    /** A finding of an ethical-hacking engagement that the college's supervisor accepted. */
    @ApplicationModuleListener
    void on(EngagementFindingAccepted accepted) {
        raising.takeOver(
                accepted.organisationId(),
                new Finding.Origin(
                        FindingSource.ENGAGEMENT,
                        accepted.findingId(),
                        accepted.engagementId().value()),
                new Finding.Details(
                        accepted.title(),
                        accepted.description(),
                        Severity.fromText(accepted.severity()),
                        "",
                        "",
                        null,
                        null,
                        "",
                        false,
                        ""),
                BelgianTime.today(clock),
                null,
                true);
    }

    /**
     * A lesson learned from an incident, adopted into the improvement plan by the CRT or the organisation's admin:
     * its priority is the severity, its explanation the description; the finding links back to the incident's
     * lessons. The SLA counts from the day of adoption.
     */
    @ApplicationModuleListener
    void on(IncidentLessonAdopted lesson) {
        raising.takeOver(
                lesson.organisationId(),
                new Finding.Origin(
                        FindingSource.INCIDENT,
                        lesson.lessonId(),
                        lesson.incidentId().value()),
                new Finding.Details(
                        lesson.title(),
                        lesson.detail() == null ? "" : lesson.detail(),
                        Severity.fromText(lesson.priority().name()),
                        "",
                        "",
                        null,
                        null,
                        "",
                        false,
                        lesson.reference()),
                BelgianTime.today(clock),
                null,
                true);
    }
}
