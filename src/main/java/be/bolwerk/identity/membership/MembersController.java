package be.bolwerk.identity.membership;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisation admins see who works in their organisation and invite colleagues. */
@Controller
class MembersController {

    /** An organisation the person administers, with its members. */
    public record Team(OrganisationProfile organisation, List<OrganisationMember> members) {}

    private final OrganisationDirectory organisations;
    private final Invitations invitations;
    private final OrganisationMembers members;
    private final Members changes;

    MembersController(
            OrganisationDirectory organisations,
            Invitations invitations,
            OrganisationMembers members,
            Members changes) {
        this.organisations = organisations;
        this.invitations = invitations;
        this.members = members;
        this.changes = changes;
    }

    /** Gives a member another role; refused for oneself and without a role. */
    @PostMapping("/members/{accountId}/role")
    String changeRole(
            @PathVariable UUID accountId,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) OrganisationRole role,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            changes.changeRole(user, accountId, organisationId, role);
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            return "redirect:/members";
        }
        redirect.addFlashAttribute("notice", "members.roleChanged");
        return "redirect:/members";
    }

    @PostMapping("/members/{accountId}/remove")
    String remove(
            @PathVariable UUID accountId,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            changes.remove(user, accountId, organisationId, confirmed);
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            return "redirect:/members";
        }
        redirect.addFlashAttribute("notice", "members.removed");
        return "redirect:/members";
    }

    @ModelAttribute("roles")
    OrganisationRole[] roles() {
        return OrganisationRole.values();
    }

    @GetMapping("/members")
    String members(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<Team> teams = teams(user);
        model.addAttribute("teams", teams);
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute(
                    "inviteForm",
                    InviteForm.empty(
                            teams.isEmpty()
                                    ? null
                                    : teams.get(0).organisation().id().value()));
        }
        return "account/members";
    }

    @PostMapping("/members/invite")
    String invite(
            @Valid @ModelAttribute("inviteForm") InviteForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Team team = teams(user).stream()
                .filter(t -> form.organisationId() != null
                        && t.organisation().id().value().equals(form.organisationId()))
                .findFirst()
                .orElseThrow(Members.NotAnAdmin::new);
        if (binding.hasErrors()) {
            return members(user, model);
        }
        invitations.invite(user, form.organisationId(), team.organisation().name(), form.email(), form.role());
        redirect.addFlashAttribute("notice", "members.invited");
        return "redirect:/members";
    }

    /** The organisations this person administers; an organisation they do not administer is not found. */
    private List<Team> teams(CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> Invitations.mayInvite(user, o.id().value()))
                .map(o -> new Team(o, members.of(o.id().value())))
                .toList();
    }
}
