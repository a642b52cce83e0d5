package be.bolwerk.incident.guest.web;

import be.bolwerk.incident.guest.Guests;
import be.bolwerk.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A guest's landing page: the incidents they may open now, nothing else. For anyone else the list is empty,
 * since it is read by the signed-in account's own grants.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class GuestLandingController {

    private final Guests guests;

    GuestLandingController(Guests guests) {
        this.guests = guests;
    }

    @GetMapping("/guest")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("incidents", guests.mine(user));
        return "incident/guest-landing";
    }
}
