package be.bolwerk.identity.session;

import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Where am I signed in?": the person's own sessions, and ending them (ASVS 7.5.2). */
@Controller
class AccountSessionsController {

    private final AccountSessions sessions;

    AccountSessionsController(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String list(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        model.addAttribute("sessions", sessions.of(user.email(), session.getId()));
        return "account/sessions";
    }

    /** {@code handle} is the opaque name the list page gave the session, never its id (the cookie). */
    @PostMapping("/account/sessions/{handle}/end")
    String end(
            @PathVariable String handle,
            @AuthenticationPrincipal CurrentUser user,
            HttpSession session,
            RedirectAttributes redirect) {
        if (!sessions.end(user.email(), handle, session.getId())) {
            throw new SessionNotFound();
        }
        redirect.addFlashAttribute("notice", "account.sessions.ended");
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(@AuthenticationPrincipal CurrentUser user, HttpSession session, RedirectAttributes redirect) {
        sessions.endOthers(user.email(), session.getId());
        redirect.addFlashAttribute("notice", "account.sessions.endedOthers");
        return "redirect:/account/sessions";
    }

    /** Someone else's session, or one that no longer exists: the same answer for both. */
    static final class SessionNotFound extends NotFound {
        SessionNotFound() {
            super("Session not found for this account");
        }
    }
}
