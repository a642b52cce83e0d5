package be.bolwerk.identity.membership;

import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme (programme officers, platform admins) invites the first admin of an organisation that has none;
 * from then on that admin invites colleagues at {@code /members}. Refused once the organisation has an admin.
 */
@Controller
@PreAuthorize("hasAnyRole('PROGRAMME_OFFICER', 'PLATFORM_ADMIN')")
class FirstOrganisationAdminController {

    private static final String PAGE = "account/first-admin";

    private final OrganisationDirectory organisations;
    private final Invitations invitations;

    FirstOrganisationAdminController(OrganisationDirectory organisations, Invitations invitations) {
        this.organisations = organisations;
        this.invitations = invitations;
    }

    @GetMapping("/organisations/{id}/first-admin")
    String form(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        OrganisationProfile organisation = organisations.profile(new OrganisationId(id), user);
        model.addAttribute("organisation", organisation);
        model.addAttribute("hasAdmin", invitations.hasAdmin(id));
        if (!model.containsAttribute("firstAdminForm")) {
            model.addAttribute("firstAdminForm", new FirstAdminForm(null));
        }
        return PAGE;
    }

    @PostMapping("/organisations/{id}/first-admin")
    String invite(
            @PathVariable UUID id,
            @Valid @ModelAttribute("firstAdminForm") FirstAdminForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        OrganisationProfile organisation = organisations.profile(new OrganisationId(id), user);
        if (binding.hasErrors()) {
            return form(id, user, model);
        }
        if (!invitations.inviteFirstAdmin(user, id, organisation.name(), form.email())) {
            redirect.addFlashAttribute("problem", "firstAdmin.alreadyHasAdmin");
            return "redirect:/organisations/" + id + "/first-admin";
        }
        redirect.addFlashAttribute("notice", "firstAdmin.invited");
        return "redirect:/organisations/" + id;
    }
}
