package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submitting a complete self-evaluation, which locks it and keeps its scores. */
@Service
public class Submitting {

    private final Evaluations evaluations;
    private final AssessmentStore assessments;
    private final Clock clock;

    Submitting(Evaluations evaluations, AssessmentStore assessments, Clock clock) {
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Transactional
    public Scores submit(UUID id, CurrentUser user) {
        SelfEvaluation view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new AccessDeniedException("only admins submit");
        }
        view.assessment().submit(view.scores(), user.id(), clock);
        assessments.update(view.assessment());
        return view.scores();
    }
}
