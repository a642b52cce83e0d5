package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting a complete self-evaluation, which locks it and keeps its scores. Answers carried over from last
 * year that nobody confirmed are never submitted silently: the person must say they submit them as they are.
 */
@Service
public class Submitting {

    private final Evaluations evaluations;
    private final AssessmentStore assessments;
    private final AnswerStore answers;
    private final Clock clock;

    Submitting(Evaluations evaluations, AssessmentStore assessments, AnswerStore answers, Clock clock) {
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.answers = answers;
        this.clock = clock;
    }

    /** Submits; refused while carried-over answers are unconfirmed (with their number as argument). */
    @Transactional
    public Scores submit(UUID id, CurrentUser user) {
        return submit(id, user, false);
    }

    /**
     * Submits; {@code unconfirmedAccepted} says the person saw how many carried-over answers are still to
     * confirm and submits them as they are.
     */
    @Transactional
    public Scores submit(UUID id, CurrentUser user, boolean unconfirmedAccepted) {
        SelfEvaluation view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new AccessDeniedException("only admins submit");
        }
        int unconfirmed = unconfirmed(view);
        if (unconfirmed > 0
                && !unconfirmedAccepted
                && view.assessment().isDraft()
                && view.scores().overall().done()) {
            throw Refusal.conflict(UNCONFIRMED, unconfirmed);
        }
        view.assessment().submit(view.scores(), user.id(), clock);
        assessments.update(view.assessment());
        return view.scores();
    }

    /** The refusal's key when carried-over answers are still to confirm. */
    public static final String UNCONFIRMED = "assessment.submit.unconfirmed";

    /** How many carried-over answers of this assessment nobody has confirmed or changed yet. */
    @Transactional(readOnly = true)
    public int unconfirmed(SelfEvaluation view) {
        return answers.unconfirmed(
                view.assessment().organisationId(), view.assessment().id());
    }
}
