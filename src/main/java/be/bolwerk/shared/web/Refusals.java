package be.bolwerk.shared.web;

import be.bolwerk.shared.Refusal;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page shows a {@link Refusal}: next to the form that caused it (keeping what the person typed), or as
 * the notice of the page a redirect leads to. Templates render the notice with
 * {@code #messages.msgWithParams(problem, problemArguments)}; the API side is {@code ApiExceptionHandler}.
 */
public final class Refusals {

    private Refusals() {}

    /** The refusal becomes the problem notice of the page the redirect leads to. */
    public static void flash(RedirectAttributes redirect, Refusal refusal) {
        redirect.addFlashAttribute("problem", refusal.messageKey());
        redirect.addFlashAttribute("problemArguments", refusal.arguments());
    }

    /** The refusal becomes a form-wide error of the re-rendered form. */
    public static void reject(BindingResult binding, Refusal refusal) {
        binding.reject(refusal.messageKey(), refusal.arguments(), null);
    }

    /** The refusal becomes the error of one field of the re-rendered form. */
    public static void reject(BindingResult binding, String field, Refusal refusal) {
        binding.rejectValue(field, refusal.messageKey(), refusal.arguments(), null);
    }
}
