package be.bolwerk.assessment;

import be.bolwerk.assessment.evaluation.AssessmentStatus;
import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.assessment.improvement.ImprovementActions;
import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's work in self-evaluations, for the home page: the evaluations of their organisations that are
 * open or of this year with their progress, the areas given to them, and the improvement actions they own
 * that are still open, soonest due first. Only the person's own organisations are read.
 */
@Service
public class WorkList {

    /** One evaluation: how far it is, and the areas in it that are this person's to answer. */
    public record Evaluation(
            AssessmentId id,
            UUID organisationId,
            UUID frameworkVersionId,
            String framework,
            int year,
            boolean draft,
            int answered,
            int total,
            List<Area> myAreas) {

        public int percent() {
            return total == 0 ? 100 : answered * 100 / total;
        }
    }

    /** An area given to the person, with its progress. */
    public record Area(String ref, String title, int answered, int total) {

        public boolean done() {
            return answered == total;
        }
    }

    /** An open improvement action the person owns. */
    public record ActionDue(
            UUID id, AssessmentId assessmentId, String controlRef, String title, LocalDate dueDate, boolean overdue) {}

    /** Everything on the list; empty lists when there is nothing to do. */
    public record Work(List<Evaluation> evaluations, List<ActionDue> actions) {}

    private final AssessmentStore assessments;
    private final Evaluations evaluations;
    private final ImprovementActions actions;
    private final Clock clock;

    WorkList(AssessmentStore assessments, Evaluations evaluations, ImprovementActions actions, Clock clock) {
        this.assessments = assessments;
        this.evaluations = evaluations;
        this.actions = actions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Work of(CurrentUser user) {
        int thisYear = BelgianTime.thisYear(clock);
        List<Evaluation> open = assessments.ofOrganisations(user.memberships().keySet()).stream()
                .filter(row -> row.status() == AssessmentStatus.DRAFT || row.year() >= thisYear)
                .map(row -> evaluation(evaluations.view(row.id(), user), user))
                .toList();
        LocalDate today = BelgianTime.today(clock);
        List<ActionDue> due = actions.openOwnedBy(user.id(), user.memberships().keySet()).stream()
                .map(a -> new ActionDue(
                        a.id(),
                        AssessmentId.of(a.assessmentId()),
                        a.controlRef(),
                        a.title(),
                        a.dueDate(),
                        a.dueDate().isBefore(today)))
                .toList();
        return new Work(open, due);
    }

    private static Evaluation evaluation(SelfEvaluation view, CurrentUser user) {
        Scores scores = view.scores();
        List<Area> mine = view.framework().areas().stream()
                .filter(area -> view.assessment()
                        .assigneeOf(area.ref())
                        .map(user.id()::equals)
                        .orElse(false))
                .map(area -> area(area, scores))
                .toList();
        return new Evaluation(
                view.assessment().assessmentId(),
                view.assessment().organisationId(),
                view.assessment().frameworkVersionId(),
                view.framework().title() + " " + view.framework().version(),
                view.assessment().year(),
                view.assessment().isDraft(),
                scores.overall().answered(),
                scores.overall().total(),
                mine);
    }

    private static Area area(FrameworkNode area, Scores scores) {
        Scores.Progress progress = scores.progress().getOrDefault(area.ref(), new Scores.Progress(0, 0));
        return new Area(area.ref(), area.title(), progress.answered(), progress.total());
    }
}
