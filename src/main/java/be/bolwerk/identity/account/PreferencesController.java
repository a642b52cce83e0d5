package be.bolwerk.identity.account;

import be.bolwerk.shared.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own preferences: the language of their mails and turning the work mails off. */
@Controller
class PreferencesController {

    private static final String PAGE = "account/preferences";

    private final AccountPreferences preferences;

    PreferencesController(AccountPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/account/preferences")
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("preferencesForm", PreferencesForm.of(preferences.of(user.id())));
        return PAGE;
    }

    @PostMapping("/account/preferences")
    String save(
            @Valid @ModelAttribute("preferencesForm") PreferencesForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return PAGE;
        }
        preferences.change(user.id(), form.preferences());
        redirect.addFlashAttribute("notice", "preferences.saved");
        return "redirect:/account/preferences";
    }
}
