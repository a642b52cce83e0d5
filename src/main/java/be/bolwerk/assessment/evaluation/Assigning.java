package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.AreaAssigned;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Giving an area of a self-evaluation to a colleague, or back to the admins. */
@Service
public class Assigning {

    private final Evaluations evaluations;
    private final AssessmentStore assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assigning(Evaluations evaluations, AssessmentStore assessments, ApplicationEventPublisher events, Clock clock) {
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.events = events;
        this.clock = clock;
    }

    /** {@code accountId} {@code null} gives the area back to the admins. */
    @Transactional
    public void assign(UUID id, String areaRef, UUID accountId, CurrentUser user) {
        Evaluations.Checked checked = evaluations.asAdmin(id, user, "assign areas");
        FrameworkNode area = checked.framework().areas().stream()
                .filter(a -> a.ref().equals(areaRef))
                .findFirst()
                .orElseThrow(AssessmentNotFound::new);
        if (accountId != null) {
            evaluations.requireMember(checked.assessment(), accountId);
        }
        UUID before = checked.assessment().assigneeOf(areaRef).orElse(null);
        checked.assessment().assign(areaRef, accountId);
        assessments.update(checked.assessment());
        // Every assignment is audited; the assignee is mailed only when the area went to someone new.
        events.publishEvent(new AreaAssigned(
                checked.assessment().assessmentId(),
                checked.assessment().organisationId(),
                areaRef,
                area.title(),
                accountId,
                before,
                user.id(),
                clock.instant()));
    }
}
