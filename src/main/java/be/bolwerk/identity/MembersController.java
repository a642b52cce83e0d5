package be.bolwerk.identity;

import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organisation admins see who works in their organisation and invite colleagues. */
@Controller
class MembersController {

    /** An organisation the person administers, with its members. */
    public record Team(OrganisationProfile organisation, List<Member> members) {}

    /** One member as colleagues see them. */
    public record Member(String displayName, String email, OrganisationRole role) {}

    private final OrganisationDirectory organisations;
    private final Invitations invitations;
    private final JdbcClient jdbc;

    MembersController(OrganisationDirectory organisations, Invitations invitations, JdbcClient jdbc) {
        this.organisations = organisations;
        this.invitations = invitations;
        this.jdbc = jdbc;
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
                .map(o -> new Team(o, members(o.id().value())))
                .toList();
    }

    private List<Member> members(UUID organisationId) {
        return jdbc.sql("""
                        SELECT a.display_name, a.email, m.role FROM membership m
                        JOIN user_account a ON a.id = m.user_account_id
                        WHERE m.organisation_id = :org ORDER BY a.display_name
                        """)
                .param("org", organisationId)
                .query((rs, row) -> new Member(
                        rs.getString("display_name"),
                        rs.getString("email"),
                        OrganisationRole.valueOf(rs.getString("role"))))
                .list();
    }

    static final class NotAnAdmin extends NotFound {
        NotAnAdmin() {
            super("Not an admin of this organisation");
        }
    }
}
