package be.bolwerk.engagement.web;

import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.web.Refusals;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the engagement page's step buttons share: a step is taken and its notice shown, or its refusal becomes
 * the notice; either way the page opens again where the button was.
 */
final class Steps {

    private Steps() {}

    /** A step that checks what was sent, takes it and names the notice to show. */
    @FunctionalInterface
    interface Step {
        String take() throws IOException;
    }

    static String take(UUID id, String anchor, RedirectAttributes redirect, Step step) throws IOException {
        try {
            redirect.addFlashAttribute("notice", step.take());
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/engagements/" + id + anchor;
    }

    /** Refused unless the person ticked the confirmation of a step that cannot be undone. */
    static void confirmed(boolean confirmed) {
        if (!confirmed) {
            throw Refusal.invalid("engagement.confirmRequired");
        }
    }

    /** The uploaded file; refused when none came (or an empty one), with the size the page names. */
    static MultipartFile file(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("engagement.file.size", 10);
        }
        return file;
    }
}
