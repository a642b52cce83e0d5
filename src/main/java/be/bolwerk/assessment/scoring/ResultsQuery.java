package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.assessment.improvement.ImprovementActions;
import be.bolwerk.shared.security.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers the results of a self-evaluation for a member of its organisation. */
@Service
public class ResultsQuery {

    private final Evaluations evaluations;
    private final AssessmentStore assessments;
    private final PeerBenchmark peers;
    private final ImprovementActions actions;

    ResultsQuery(
            Evaluations evaluations, AssessmentStore assessments, PeerBenchmark peers, ImprovementActions actions) {
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.peers = peers;
        this.actions = actions;
    }

    @Transactional(readOnly = true)
    public Results results(UUID id, CurrentUser user) {
        SelfEvaluation view = evaluations.view(id, user);
        Optional<AssessmentStore.SubmittedScores> previous = view.assessment().previousId() == null
                ? Optional.empty()
                : assessments.submittedScores(view.assessment().previousId());
        return new Results(
                view,
                previous,
                peers.of(view.assessment().organisationId(), view.assessment().frameworkVersionId()),
                Gaps.of(view.framework(), view.scores()),
                actions.of(view.assessment()));
    }
}
