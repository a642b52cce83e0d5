package be.bolwerk.assessment.improvement;

import be.bolwerk.assessment.evaluation.AssessmentNotFound;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning an improvement action on a control of a self-evaluation, changing it while it is open, and closing
 * it. The admins plan and change; the admins and the action's owner close it. An owner must be a member who
 * may act (a viewer may not).
 */
@Service
public class ActionPlanning {

    /** A checked action: a control ref, a title, an optional owner, a due date and a priority. */
    public record Plan(
            String controlRef, String title, UUID owner, LocalDate due, ImprovementActions.Priority priority) {}

    private final Evaluations evaluations;
    private final ImprovementActions actions;

    ActionPlanning(Evaluations evaluations, ImprovementActions actions) {
        this.evaluations = evaluations;
        this.actions = actions;
    }

    /**
     * Records the action, by an admin of the assessment's organisation, on one of its framework's controls. The
     * owner, when given, must be an active member. Returns false when the same action already existed.
     */
    @Transactional
    public boolean propose(UUID id, Plan plan, CurrentUser user) {
        Evaluations.Checked checked = evaluations.asAdmin(id, user, "plan improvement actions");
        String ref = plan.controlRef().strip();
        if (checked.framework().node(ref).filter(n -> n.isControl()).isEmpty()) {
            throw Refusal.invalid("assessment.action.controlRequired");
        }
        if (plan.owner() != null) {
            evaluations.requireMember(checked.assessment(), plan.owner());
        }
        return actions.propose(
                checked.assessment(), ref, plan.title().strip(), plan.owner(), plan.due(), plan.priority(), user.id());
    }

    /** Changes an open action (title, owner, due date, priority), as an admin; a closed one is refused. */
    @Transactional
    public void change(UUID id, UUID actionId, Plan plan, CurrentUser user) {
        Evaluations.Checked checked = evaluations.asAdmin(id, user, "change improvement actions");
        actions.find(checked.assessment(), actionId).orElseThrow(AssessmentNotFound::new);
        if (plan.owner() != null) {
            evaluations.requireMember(checked.assessment(), plan.owner());
        }
        Plan stripped = new Plan(plan.controlRef(), plan.title().strip(), plan.owner(), plan.due(), plan.priority());
        if (!actions.change(checked.assessment(), actionId, stripped, user.id())) {
            throw Refusal.conflict("assessment.action.closed");
        }
    }

    /** Closes an open action, as an admin or its owner; closing it twice is refused. */
    @Transactional
    public void close(UUID id, UUID actionId, CurrentUser user) {
        Evaluations.Checked checked = evaluations.load(id, user);
        ImprovementActions.Action action =
                actions.find(checked.assessment(), actionId).orElseThrow(AssessmentNotFound::new);
        if (!checked.access().admin() && !user.id().equals(action.ownerId())) {
            throw new AccessDeniedException("only admins and the owner close an action");
        }
        if (!actions.close(checked.assessment(), actionId, user.id())) {
            throw Refusal.conflict("assessment.action.closed");
        }
    }
}
