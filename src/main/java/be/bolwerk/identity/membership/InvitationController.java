package be.bolwerk.identity.membership;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.password.PasswordPolicy;
import be.bolwerk.identity.session.AccountSessions;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page an invitation link opens. A link that is unknown, used or expired answers 404 with a Dutch
 * explanation. A good one offers two ways, the same for every address so the page never tells whether it has an
 * account: "I am new" (choose a name and password, here, without a session) and "I already have an account"
 * ({@code /invitation/{token}/accept}, which needs a full sign-in as the invited address).
 */
@Controller
class InvitationController {

    private static final String FORM = "account/invitation";

    private final Invitations invitations;
    private final PasswordPolicy policy;
    private final AccountSessions sessions;

    InvitationController(Invitations invitations, PasswordPolicy policy, AccountSessions sessions) {
        this.invitations = invitations;
        this.policy = policy;
        this.sessions = sessions;
    }

    @GetMapping("/invitation/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Invitations.Open> open = invitations.open(token);
        if (open.isEmpty()) {
            return refused(token, model, response);
        }
        model.addAttribute("acceptInvitationForm", new AcceptInvitationForm(null, null, null));
        return form(token, open.get(), model);
    }

    /**
     * "I am new". The policy and the confirmation are checked for every address alike; what happens to an
     * address that already has an account is decided in {@link Invitations#acceptAsNew}, out of sight.
     */
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
        policy.check(form.password(), open.get().email())
                .forEach(v -> binding.rejectValue("password", "password.policy." + v.name()));
        if (form.password() != null && !form.password().equals(form.confirmation())) {
            binding.rejectValue("confirmation", "password.confirmation.differs");
        }
        if (binding.hasErrors()) {
            return form(token, open.get(), model);
        }
        if (!invitations.acceptAsNew(token, form.displayName(), form.password())) {
            return refused(token, model, response);
        }
        return "redirect:/login?invited";
    }

    /** "I already have an account": reached only after both sign-in steps; asks to confirm as whom. */
    @GetMapping("/invitation/{token}/accept")
    String confirm(
            @PathVariable String token,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response) {
        Optional<Invitations.Open> open = invitations.open(token);
        if (open.isEmpty()) {
            return refused(token, model, response);
        }
        model.addAttribute("invitation", open.get());
        model.addAttribute("token", token);
        model.addAttribute("me", user);
        if (!open.get().email().equals(UserAccount.normalise(user.email()))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("otherAccount", true);
        }
        return "account/invitation-accept";
    }

    /**
     * Adds the invitation's rights to the signed-in account. Its sessions end (this one too), because a session
     * keeps the rights it began with; the person signs in again and has the new ones.
     */
    @PostMapping("/invitation/{token}/accept")
    String acceptSignedIn(
            @PathVariable String token,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Invitations.SignedInAcceptance outcome = invitations.acceptAsSignedIn(token, user);
        if (outcome == Invitations.SignedInAcceptance.GONE) {
            return refused(token, model, response);
        }
        if (outcome == Invitations.SignedInAcceptance.OTHER_ACCOUNT) {
            return confirm(token, user, model, response);
        }
        sessions.endAll(user.email());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?joined";
    }

    private String form(String token, Invitations.Open open, Model model) {
        model.addAttribute("invitation", open);
        model.addAttribute("token", token);
        return FORM;
    }

    private String refused(String token, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("refusal", invitations.refusal(token));
        return "account/invitation-refused";
    }
}
