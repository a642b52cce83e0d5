package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.shared.Refusal;
import java.util.UUID;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a step on one control went, shown next to that control rather than at the top of the page: the
 * redirect goes to the control's region ({@code place}: "answer" or "evidence") and the area page puts the
 * message there, as a status or, for a refusal, an alert.
 */
final class ControlFeedback {

    private ControlFeedback() {}

    static void done(RedirectAttributes redirect, String ref, String place, String key) {
        flash(redirect, ref, place, key, true, new Object[0]);
    }

    static void refused(RedirectAttributes redirect, String ref, String place, Refusal refusal) {
        flash(redirect, ref, place, refusal.messageKey(), false, refusal.arguments());
    }

    static void refused(RedirectAttributes redirect, String ref, String place, String key) {
        flash(redirect, ref, place, key, false, new Object[0]);
    }

    private static void flash(
            RedirectAttributes redirect, String ref, String place, String key, boolean ok, Object[] arguments) {
        redirect.addFlashAttribute("feedbackRef", ref);
        redirect.addFlashAttribute("feedbackPlace", place);
        redirect.addFlashAttribute("feedback", key);
        redirect.addFlashAttribute("feedbackOk", ok);
        redirect.addFlashAttribute("feedbackArguments", arguments);
    }

    /** The control's region on its area page; the overview when the control is not in the framework. */
    static String redirect(SelfEvaluation view, UUID id, String ref, String place) {
        return view.areaOf(ref)
                .map(area -> "redirect:/assessments/" + id + "/areas/" + area.ref() + "#" + place + "-"
                        + view.framework().node(ref).orElseThrow().domId())
                .orElse("redirect:/assessments/" + id);
    }
}
