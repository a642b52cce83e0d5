package be.bolwerk.identity;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page an invitation link opens, for someone without a session. A link that is unknown, used or expired
 * answers 404 with a Dutch explanation; a good one lets the invitee choose a name and password.
 */
@Controller
class InvitationController {

    private static final String FORM = "account/invitation";

    private final Invitations invitations;
    private final PasswordPolicy policy;

    InvitationController(Invitations invitations, PasswordPolicy policy) {
        this.invitations = invitations;
        this.policy = policy;
    }

    @GetMapping("/invitation/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Invitations.Open> open = invitations.open(token);
        if (open.isEmpty()) {
            return refused(token, model, response);
        }
        model.addAttribute("acceptInvitationForm", new AcceptInvitationForm(null, null, null));
        model.addAttribute("token", token);
        return form(open.get(), model);
    }

    @PostMapping("/invitation/{token}")
    String accept(
            @PathVariable String token,
            @Valid @ModelAttribute("acceptInvitationForm") AcceptInvitationForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response) {
        Optional<Invitations.Open> open = invitations.open(token);
        if (open.isEmpty()) {
            return refused(token, model, response);
        }
        boolean existing = invitations.hasAccount(open.get().email());
        if (!existing) {
            policy.check(form.password(), open.get().email())
                    .forEach(v -> binding.rejectValue("password", "password.policy." + v.name()));
            if (form.password() != null && !form.password().equals(form.confirmation())) {
                binding.rejectValue("confirmation", "password.confirmation.differs");
            }
        }
        if (binding.hasErrors()) {
            model.addAttribute("token", token);
            return form(open.get(), model);
        }
        if (!invitations.accept(token, form.displayName(), form.password())) {
            return refused(token, model, response);
        }
        return "redirect:/login?invited";
    }

    private String form(Invitations.Open open, Model model) {
        model.addAttribute("invitation", open);
        model.addAttribute("existingAccount", invitations.hasAccount(open.email()));
        return FORM;
    }

    private String refused(String token, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("refusal", invitations.refusal(token));
        return "account/invitation-refused";
    }
}
