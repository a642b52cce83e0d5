package be.bolwerk.home;

import be.bolwerk.identity.SignInHistory;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after sign-in. Everyone sees their own account; members of an organisation see its
 * profile; the personas that oversee the whole field see the programme's organisations at a glance.
 */
@Controller
class HomeController {

    /** A membership as the home page shows it: the organisation and the person's role there. */
    public record MembershipView(OrganisationProfile organisation, OrganisationRole role) {}

    private final OrganisationDirectory organisations;
    private final SignInHistory signIns;
    private final MessageSource messages;

    HomeController(OrganisationDirectory organisations, SignInHistory signIns, MessageSource messages) {
        this.organisations = organisations;
        this.signIns = signIns;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute("me", user);
        model.addAttribute("previousSignIn", signIns.previousSignIn(user.id()).orElse(null));
        List<MembershipView> memberships = organisations.memberOf(user).stream()
                .map(o -> new MembershipView(o, user.roleIn(o.id().value()).orElseThrow()))
                .toList();
        model.addAttribute("memberships", memberships);
        if (user.hasAny(Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST, Persona.PLATFORM_ADMIN)) {
            Map<OrganisationType, Long> counts = organisations.countByType(user);
            model.addAttribute("typeCounts", counts);
            model.addAttribute(
                    "chartLabels",
                    String.join(
                            "|",
                            counts.keySet().stream()
                                    .map(t -> messages.getMessage("organisation.type." + t, null, locale))
                                    .toList()));
            model.addAttribute(
                    "chartValues",
                    String.join(
                            "|", counts.values().stream().map(String::valueOf).toList()));
            model.addAttribute(
                    "organisationTotal",
                    counts.values().stream().mapToLong(Long::longValue).sum());
        }
        return "home";
    }
}
