package be.bolwerk.audittrail.recording;

import be.bolwerk.assessment.AssessmentSubmitted;
import be.bolwerk.assessment.ImprovementActionProposed;
import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what an organisation commits to in a self-evaluation: submitting it (its answers become final and
 * count for the programme) and planning an improvement action. In the transaction of the change.
 */
@Component
class AssessmentEventRecorder {

    private final AuditTrail trail;

    AssessmentEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AssessmentSubmitted event) {
        trail.append(
                AuditEventType.ASSESSMENT_SUBMITTED,
                true,
                Actors.current(),
                event.organisationId(),
                "assessment " + event.id() + " year " + event.year() + " total " + event.total());
    }

    @EventListener
    void on(ImprovementActionProposed event) {
        trail.append(
                AuditEventType.IMPROVEMENT_ACTION_PROPOSED,
                true,
                Actors.current(),
                event.organisationId(),
                "assessment " + event.assessmentId() + " control " + event.controlRef() + " action "
                        + event.actionId());
    }
}
