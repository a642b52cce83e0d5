package be.bolwerk.identity.membership;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.session.AccountSessions;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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
    private final UserAccounts accounts;
    private final AccountSessions sessions;
    private final Clock clock;

    MembersController(
            OrganisationDirectory organisations,
            Invitations invitations,
            OrganisationMembers members,
            UserAccounts accounts,
            AccountSessions sessions,
            Clock clock) {
        this.organisations = organisations;
        this.invitations = invitations;
        this.members = members;
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Gives a member another role. The member's sessions end, because a session holds the roles it started
     * with; nobody changes their own role, so an organisation never loses its last admin by accident.
     */
    @PostMapping("/members/{accountId}/role")
    @Transactional
    String changeRole(
            @PathVariable UUID accountId,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) OrganisationRole role,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        UserAccount member = memberOfAdministeredOrganisation(accountId, organisationId, user);
        if (member.id().equals(user.id())) {
            redirect.addFlashAttribute("problem", "members.notYourself");
            return "redirect:/members";
        }
        if (role == null) {
            redirect.addFlashAttribute("problem", "members.chooseRole");
            return "redirect:/members";
        }
        member.changeRole(organisationId, role, clock.instant());
        accounts.save(member);
        sessions.endAll(member.email());
        redirect.addFlashAttribute("notice", "members.roleChanged");
        return "redirect:/members";
    }

    @PostMapping("/members/{accountId}/remove")
    @Transactional
    String remove(
            @PathVariable UUID accountId,
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        UserAccount member = memberOfAdministeredOrganisation(accountId, organisationId, user);
        if (member.id().equals(user.id())) {
            redirect.addFlashAttribute("problem", "members.notYourself");
            return "redirect:/members";
        }
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/members";
        }
        member.leave(organisationId);
        accounts.save(member);
        sessions.endAll(member.email());
        redirect.addFlashAttribute("notice", "members.removed");
        return "redirect:/members";
    }

    /**
     * The account, if the person administers the organisation and the account is a member of it; else 404.
     * Checked before anything else about the request, so a refusal never depends on what else was sent.
     */
    private UserAccount memberOfAdministeredOrganisation(UUID accountId, UUID organisationId, CurrentUser user) {
        if (organisationId == null || !Invitations.mayInvite(user, organisationId)) {
            throw new NotAnAdmin();
        }
        return accounts.findById(accountId)
                .filter(account -> account.isMemberOf(organisationId))
                .orElseThrow(NotAnAdmin::new);
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
                .orElseThrow(NotAnAdmin::new);
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

    /** Not an organisation this person administers, or not a member of it: the same answer. */
    static final class NotAnAdmin extends NotFound {
        NotAnAdmin() {
            super("Not an admin of this organisation, or not a member of it");
        }
    }
}
