package be.bolwerk.audittrail.recording;

import be.bolwerk.assessment.AnswersImported;
import be.bolwerk.assessment.AreaAssigned;
import be.bolwerk.assessment.AssessmentExported;
import be.bolwerk.assessment.AssessmentSubmitted;
import be.bolwerk.assessment.EvidenceAdded;
import be.bolwerk.assessment.EvidenceRemoved;
import be.bolwerk.assessment.ImprovementActionProposed;
import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import java.math.RoundingMode;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what happens to a self-evaluation that an organisation may later have to account for: submitting it
 * (its answers become final and count for the programme), planning an improvement action, taking it out of
 * Bolwerk (PDF report, Excel), importing answers, adding or removing evidence and assigning areas. In the
 * transaction of the change; the details name what the recorder knows now (file, area, person), in the form
 * the audit trail page translates ({@link Details}).
 */
@Component
class AssessmentEventRecorder {

    private final AuditTrail trail;
    private final OrganisationMembers members;

    AssessmentEventRecorder(AuditTrail trail, OrganisationMembers members) {
        this.trail = trail;
        this.members = members;
    }

    @EventListener
    void on(AssessmentSubmitted event) {
        trail.append(
                AuditEventType.ASSESSMENT_SUBMITTED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("assessment", event.id()),
                        "audit.detail.submitted",
                        String.valueOf(event.year()),
                        event.total() == null ? "—" : event.total().setScale(2, RoundingMode.HALF_UP)));
    }

    @EventListener
    void on(ImprovementActionProposed event) {
        trail.append(
                AuditEventType.IMPROVEMENT_ACTION_PROPOSED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("assessment", event.assessmentId(), "action", event.actionId()),
                        "audit.detail.actionProposed",
                        event.controlRef(),
                        event.title()));
    }

    @EventListener
    void on(AssessmentExported event) {
        String key = AssessmentExported.PDF.equals(event.format())
                ? event.draft() ? "audit.detail.reportExportedDraft" : "audit.detail.reportExported"
                : "audit.detail.answersExported";
        trail.append(
                AuditEventType.EXPORT,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(Map.of("assessment", event.id()), key, event.framework(), String.valueOf(event.year())));
    }

    @EventListener
    void on(AnswersImported event) {
        trail.append(
                AuditEventType.ANSWERS_IMPORTED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("assessment", event.id()),
                        "audit.detail.answersImported",
                        event.framework(),
                        String.valueOf(event.year()),
                        event.fileName(),
                        event.changed(),
                        event.unchanged()));
    }

    @EventListener
    void on(EvidenceAdded event) {
        trail.append(
                AuditEventType.EVIDENCE_ADDED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("assessment", event.id()),
                        event.file() ? "audit.detail.evidenceFileAdded" : "audit.detail.evidenceLinkAdded",
                        event.controlRef(),
                        event.name()));
    }

    @EventListener
    void on(EvidenceRemoved event) {
        trail.append(
                AuditEventType.EVIDENCE_REMOVED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("assessment", event.id()),
                        "audit.detail.evidenceRemoved",
                        event.controlRef(),
                        event.name()));
    }

    @EventListener
    void on(AreaAssigned event) {
        String details;
        if (event.assigneeId() == null) {
            details = Details.about(
                    Map.of("assessment", event.assessmentId()),
                    "audit.detail.areaReturned",
                    event.areaRef(),
                    event.areaTitle());
        } else {
            // The person's name and address as they are now; the row keeps them if either changes later.
            java.util.Optional<OrganisationMember> member =
                    members.activeMember(event.organisationId(), event.assigneeId());
            details = Details.about(
                    Map.of("assessment", event.assessmentId(), "account", event.assigneeId()),
                    "audit.detail.areaAssigned",
                    event.areaRef(),
                    event.areaTitle(),
                    member.map(OrganisationMember::displayName).orElse(""),
                    member.map(OrganisationMember::email)
                            .orElse(event.assigneeId().toString()));
        }
        trail.append(AuditEventType.AREA_ASSIGNED, true, Actors.current(), event.organisationId(), details);
    }
}
