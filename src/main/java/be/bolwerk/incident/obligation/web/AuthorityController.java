package be.bolwerk.incident.obligation.web;

import be.bolwerk.incident.obligation.BreachAuthorities;
import be.bolwerk.incident.obligation.Recipient;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programme's choice of who receives a personal-data breach notification, per organisation type. */
@Controller
@RequestMapping("/incidents/authorities")
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
class AuthorityController {

    private final BreachAuthorities authorities;

    AuthorityController(BreachAuthorities authorities) {
        this.authorities = authorities;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("authorities", authorities.all());
        model.addAttribute(
                "choices",
                Arrays.stream(Recipient.values())
                        .filter(Recipient::breachAuthority)
                        .toList());
        return "incident/authorities";
    }

    @PostMapping
    String change(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String authority,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            authorities.change(parse(OrganisationType.class, type), parse(Recipient.class, authority), user);
            redirect.addFlashAttribute("notice", "incident.authorities.saved");
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/incidents/authorities";
    }

    /** A typed choice, or null for anything else (the use case then refuses it, never a 500). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
