package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.framework.FrameworkNode;

/**
 * The one thing the overview offers first: begin at the first area (nothing answered yet), go on with the
 * first area that still has open questions, confirm what was carried over, submit, or read the results.
 *
 * @param kind "start", "continue", "confirm", "submit" or "results"
 * @param areaRef the area to go to, for the first three
 */
public record NextStep(String kind, String areaRef, String areaTitle) {

    static NextStep of(SelfEvaluation view) {
        if (view.assessment().isDraft()) {
            boolean nothingYet = view.answers().isEmpty();
            for (FrameworkNode area : view.framework().areas()) {
                if (view.access().mayAnswer(area.ref())
                        && area.controls().stream().anyMatch(c -> open(view, c))) {
                    return new NextStep(nothingYet ? "start" : "continue", area.ref(), area.title());
                }
            }
            for (FrameworkNode area : view.framework().areas()) {
                if (view.access().mayAnswer(area.ref())
                        && area.controls().stream().anyMatch(c -> toConfirm(view, c))) {
                    return new NextStep("confirm", area.ref(), area.title());
                }
            }
            if (view.access().admin() && view.scores().overall().done()) {
                return new NextStep("submit", null, null);
            }
        }
        return new NextStep("results", null, null);
    }

    private static boolean open(SelfEvaluation view, FrameworkNode control) {
        Answer answer = view.answers().get(control.ref());
        return answer == null || !answer.complete();
    }

    private static boolean toConfirm(SelfEvaluation view, FrameworkNode control) {
        Answer answer = view.answers().get(control.ref());
        return answer != null && answer.carriedOver();
    }
}
