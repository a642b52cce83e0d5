package be.bolwerk.assessment.improvement;

import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Planning an improvement action on a control of a self-evaluation. */
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
}
