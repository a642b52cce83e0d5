package be.bolwerk.identity.password;

import be.bolwerk.identity.signin.Reauthentication;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person changes their own password after proving, again, that they are who they are: current password and
 * a fresh second-factor code in the same form. Wrong current passwords count towards the sign-in throttle, so
 * a stolen session cannot be used to guess the password. On success every other session ends.
 */
@Controller
class PasswordController {

    private static final String FORM = "account/password";

    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Reauthentication reauthentication;

    PasswordController(Passwords passwords, PasswordPolicy policy, Reauthentication reauthentication) {
        this.passwords = passwords;
        this.policy = policy;
        this.reauthentication = reauthentication;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("passwordChangeForm", PasswordChangeForm.empty());
        return FORM;
    }

    @PostMapping("/account/password")
    String change(
            @Valid @ModelAttribute("passwordChangeForm") PasswordChangeForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            HttpSession session,
            RedirectAttributes redirect) {
        if (reauthentication.throttled(user, request)) {
            binding.reject("password.throttled");
            return FORM;
        }
        if (binding.hasErrors()) {
            return FORM;
        }
        Optional<Reauthentication.Failure> failure =
                reauthentication.check(user, form.currentPassword(), form.code(), request);
        if (failure.isPresent()) {
            switch (failure.get()) {
                case THROTTLED -> binding.reject("password.throttled");
                case WRONG_PASSWORD -> binding.rejectValue("currentPassword", "password.current.wrong");
                case WRONG_CODE -> binding.rejectValue("code", "mfa.code.wrong");
            }
            return FORM;
        }
        List<PasswordPolicy.Violation> violations = policy.check(form.newPassword(), user.email());
        violations.forEach(v -> binding.rejectValue("newPassword", "password.policy." + v.name()));
        if (!form.newPassword().equals(form.confirmation())) {
            binding.rejectValue("confirmation", "password.confirmation.differs");
        }
        if (binding.hasErrors()) {
            return FORM;
        }
        passwords.change(user.id(), form.newPassword(), session.getId());
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/account/sessions";
    }
}
