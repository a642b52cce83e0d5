package be.bolwerk.identity.password;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.factor.SecondFactorChecks;
import be.bolwerk.identity.factor.SecondFactors;
import be.bolwerk.identity.session.AccountSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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
    private final SecondFactors factors;
    private final SecondFactorChecks codes;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;

    PasswordResetController(
            PasswordResets resets,
            UserAccounts accounts,
            PasswordPolicy policy,
            SecondFactors factors,
            SecondFactorChecks codes,
            PasswordEncoder passwords,
            AccountSessions sessions) {
        this.resets = resets;
        this.accounts = accounts;
        this.policy = policy;
        this.factors = factors;
        this.codes = codes;
        this.passwords = passwords;
        this.sessions = sessions;
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
    @Transactional
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
        boolean enrolled = factors.enrolment(account.id())
                .map(SecondFactors.Enrolment::confirmed)
                .orElse(false);
        if (enrolled) {
            // Throttled like the sign-in step: the link alone must not let anyone try codes at leisure.
            SecondFactorChecks.Checked checked =
                    codes.check(account.id(), account.email(), form.code(), request.getRemoteAddr(), "password reset");
            if (checked.outcome() == SecondFactorChecks.Outcome.THROTTLED) {
                long seconds = Math.max(1, checked.retryAfter().toSeconds());
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(seconds));
                binding.rejectValue(
                        "code", "mfa.code.throttled", new Object[] {Math.max(1, (seconds + 59) / 60)}, null);
                return "account/password-reset";
            }
            if (!checked.accepted()) {
                binding.rejectValue("code", "mfa.code.wrong");
                return "account/password-reset";
            }
        }
        if (!resets.use(open.get())) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "account/password-reset-refused";
        }
        account.resetPassword(passwords.encode(form.newPassword()));
        accounts.save(account);
        sessions.endAll(account.email());
        return "redirect:/login?reset";
    }
}
