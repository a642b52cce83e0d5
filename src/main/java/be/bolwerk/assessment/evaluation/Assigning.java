package be.bolwerk.assessment.evaluation;

import be.bolwerk.shared.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Giving an area of a self-evaluation to a colleague, or back to the admins. */
@Service
public class Assigning {

    private final Evaluations evaluations;
    private final AssessmentStore assessments;

    Assigning(Evaluations evaluations, AssessmentStore assessments) {
        this.evaluations = evaluations;
        this.assessments = assessments;
    }

    /** {@code accountId} {@code null} gives the area back to the admins. */
    @Transactional
    public void assign(UUID id, String areaRef, UUID accountId, CurrentUser user) {
        Evaluations.Checked checked = evaluations.asAdmin(id, user, "assign areas");
        if (checked.framework().areas().stream().noneMatch(a -> a.ref().equals(areaRef))) {
            throw new AssessmentNotFound();
        }
        if (accountId != null) {
            evaluations.requireMember(checked.assessment(), accountId);
        }
        checked.assessment().assign(areaRef, accountId);
        assessments.update(checked.assessment());
    }
}
