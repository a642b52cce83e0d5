package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.ControlAnswered;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answering controls: one at a time as the person works, or many at once from a workbook. */
@Service
public class Answering {

    /** What an import did: answers changed, and answers that were already so. */
    public record Imported(int saved, int unchanged) {}

    private final Evaluations evaluations;
    private final AnswerStore answers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Answering(Evaluations evaluations, AnswerStore answers, Clock clock, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.answers = answers;
        this.clock = clock;
        this.events = events;
    }

    /** Saves one control's answer; a conflict is an outcome (the stored answer wins), not a refusal. */
    @Transactional
    public AnswerStore.Saved answer(UUID id, String controlRef, AnswerInput input, CurrentUser user) {
        Evaluations.Checked checked = evaluations.forAnswering(id, controlRef, user);
        Assessment assessment = checked.assessment();
        input.requireFits(checked.framework().node(controlRef).orElseThrow(AssessmentNotFound::new));
        AnswerStore.Saved saved = answers.save(
                assessment.organisationId(), assessment.id(), controlRef, input, user.id(), clock.instant());
        // A finished area is mailed to the admins (assessment.notice), which needs to hear of each change.
        if (saved.outcome() == AnswerStore.Outcome.SAVED) {
            events.publishEvent(new ControlAnswered(
                    assessment.assessmentId(), assessment.organisationId(), controlRef, user.id(), clock.instant()));
        }
        return saved;
    }

    /**
     * Confirms a carried-over answer as it is (it no longer shows "to confirm"); the number confirmed, 0 when
     * it was no longer to confirm.
     */
    @Transactional
    public int confirm(UUID id, String controlRef, CurrentUser user) {
        Assessment assessment = evaluations.forAnswering(id, controlRef, user).assessment();
        return answers.confirm(assessment.organisationId(), assessment.id(), List.of(controlRef));
    }

    /** Confirms every carried-over answer of one area as it is; the number confirmed. */
    @Transactional
    public int confirmArea(UUID id, String areaRef, CurrentUser user) {
        Evaluations.Checked checked = evaluations.forAnsweringArea(id, areaRef, user);
        List<String> refs = checked.framework().areas().stream()
                .filter(a -> a.ref().equals(areaRef))
                .flatMap(a -> a.controls().stream())
                .map(FrameworkNode::ref)
                .toList();
        return answers.confirm(
                checked.assessment().organisationId(), checked.assessment().id(), refs);
    }

    /**
     * Imports the answers of a workbook into a draft, all or nothing: one refused row (a key measure marked not
     * applicable, a control that does not exist) refuses the whole workbook; the refused refs are the
     * refusal's arguments. Empty rows leave answers alone. Each changed answer raises {@link ControlAnswered},
     * as on the page.
     */
    @Transactional
    public Imported importAnswers(UUID id, Map<String, AnswerInput> inputs, CurrentUser user) {
        Evaluations.Checked checked = evaluations.asAdmin(id, user, "import answers");
        Assessment assessment = checked.assessment();
        assessment.requireDraft();
        List<String> refused = new ArrayList<>();
        inputs.forEach((ref, input) -> {
            Optional<FrameworkNode> control = checked.framework().node(ref);
            if (control.isEmpty() || !Answer.fits(control.get(), input.notApplicable())) {
                refused.add(ref);
            }
        });
        if (!refused.isEmpty()) {
            throw Refusal.invalid("assessment.workbook.keyMeasureRows", refused.toArray());
        }
        int saved = 0;
        int unchanged = 0;
        for (Map.Entry<String, AnswerInput> entry : inputs.entrySet()) {
            AnswerStore.Saved result = answers.save(
                    assessment.organisationId(),
                    assessment.id(),
                    entry.getKey(),
                    entry.getValue(),
                    user.id(),
                    clock.instant());
            if (result.outcome() == AnswerStore.Outcome.SAVED) {
                saved++;
                // The same event as an answer saved on the page: an import that finishes an area is mailed
                // like one that is finished by hand (the listeners mail once per area and recipient).
                events.publishEvent(new ControlAnswered(
                        assessment.assessmentId(),
                        assessment.organisationId(),
                        entry.getKey(),
                        user.id(),
                        clock.instant()));
            } else {
                unchanged++;
            }
        }
        return new Imported(saved, unchanged);
    }
}
