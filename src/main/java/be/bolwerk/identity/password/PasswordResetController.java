package be.bolwerk.identity.password;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": request a link, then set a new password with the second factor. */
@Controller
class PasswordResetController {

    /** The new password, typed twice, and the second-factor code. */
    record ResetForm(
            @Size(max = 1000, message = "{validation.size.max}")
            String newPassword,

            @Size(max = 1000, message = "{validation.size.max}")
            String confirmation,

            @Size(max = 40, message = "{validation.size.max}")
            String code) {}

    private final PasswordResets resets;
    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final Passwords passwords;

    PasswordResetController(PasswordResets resets, UserAccounts accounts, PasswordPolicy policy, Passwords passwords) {
        this.resets = resets;
        this.accounts = accounts;
        this.policy = policy;
        this.passwords = passwords;
    }

    @GetMapping("/password-reset")
    String requestForm() {
        return "account/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, Model model) {
        resets.request(email);
        model.addAttribute("requested", true);
        return "account/password-reset-request";
    }

    @GetMapping("/password-reset/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        if (resets.open(token).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "account/password-reset-refused";
        }
        model.addAttribute("resetForm", new ResetForm(null, null, null));
        model.addAttribute("token", token);
        return "account/password-reset";
    }

    @PostMapping("/password-reset/{token}")
    String reset(
            @PathVariable String token,
            @Valid @ModelAttribute("resetForm") ResetForm form,
            BindingResult binding,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<PasswordResets.Open> open = resets.open(token);
        if (open.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "account/password-reset-refused";
        }
        UserAccount account = accounts.findById(open.get().accountId()).orElseThrow();
        model.addAttribute("token", token);
        // The policy first: a second-factor code is used up when accepted, so it is checked last.
        policy.check(form.newPassword(), account.email())
                .forEach(v -> binding.rejectValue("newPassword", "password.policy." + v.name()));
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmation())) {
            binding.rejectValue("confirmation", "password.confirmation.differs");
        }
        if (binding.hasErrors()) {
            return "account/password-reset";
        }
        Passwords.ResetResult result =
                passwords.reset(open.get(), form.newPassword(), form.code(), request.getRemoteAddr());
        switch (result.status()) {
            case THROTTLED -> {
                long seconds = Math.max(1, result.retryAfter().toSeconds());
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(seconds));
                binding.rejectValue(
                        "code", "mfa.code.throttled", new Object[] {Math.max(1, (seconds + 59) / 60)}, null);
                return "account/password-reset";
            }
            case WRONG_CODE -> {
                binding.rejectValue("code", "mfa.code.wrong");
                return "account/password-reset";
            }
            case LINK_CLOSED -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                return "account/password-reset-refused";
            }
            case DONE -> {}
        }
        return "redirect:/login?reset";
    }
}
