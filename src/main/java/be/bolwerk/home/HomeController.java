package be.bolwerk.home;

import be.bolwerk.assessment.WorkList;
import be.bolwerk.campaign.CampaignDeadline;
import be.bolwerk.campaign.Campaigns;
import be.bolwerk.identity.SignInHistory;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * profile and their work list (their evaluations with progress, the areas given to them, their improvement
 * actions that fall due); the personas that oversee the whole field see the programme's organisations at a
 * glance.
 */
@Controller
class HomeController {

    /** A membership as the home page shows it: the organisation and the person's role there. */
    public record MembershipView(OrganisationProfile organisation, OrganisationRole role) {}

    /** An evaluation on the work list; {@code deadline} is the formatted date, or {@code null} without one. */
    public record EvaluationRow(WorkList.Evaluation evaluation, String organisation, String deadline) {}

    /** An improvement action on the work list, its due date formatted. */
    public record ActionRow(WorkList.ActionDue action, String due) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final OrganisationDirectory organisations;
    private final SignInHistory signIns;
    private final MessageSource messages;
    private final WorkList workList;
    private final Campaigns campaigns;

    HomeController(
            OrganisationDirectory organisations,
            SignInHistory signIns,
            MessageSource messages,
            WorkList workList,
            Campaigns campaigns) {
        this.organisations = organisations;
        this.signIns = signIns;
        this.messages = messages;
        this.workList = workList;
        this.campaigns = campaigns;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        if (user.memberships().isEmpty() && user.personas().isEmpty()) {
            // An account with neither a membership nor a persona is an incident's guest (ADR 0043) or has lost its
            // rights: its only possible work is a guest's incidents, listed there (empty otherwise).
            return "redirect:/guest";
        }
        model.addAttribute("me", user);
        model.addAttribute("previousSignIn", signIns.previousSignIn(user.id()).orElse(null));
        List<MembershipView> memberships = organisations.memberOf(user).stream()
                .map(o -> new MembershipView(o, user.roleIn(o.id().value()).orElseThrow()))
                .toList();
        model.addAttribute("memberships", memberships);
        if (!memberships.isEmpty()) {
            Map<java.util.UUID, String> names = memberships.stream()
                    .collect(java.util.stream.Collectors.toMap(
                            m -> m.organisation().id().value(),
                            m -> m.organisation().name()));
            WorkList.Work work = workList.of(user);
            model.addAttribute(
                    "workEvaluations",
                    work.evaluations().stream()
                            .map(e -> new EvaluationRow(e, names.get(e.organisationId()), format(deadline(e))))
                            .toList());
            model.addAttribute(
                    "workActions",
                    work.actions().stream()
                            .map(a -> new ActionRow(a, DATE.format(a.dueDate())))
                            .toList());
        }
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

    /**
     * The deadline of an evaluation: the campaign's for this organisation, framework version and year (with an
     * extension, the extended one); none when no campaign asks for it. Only the person's own evaluations get here.
     */
    private LocalDate deadline(WorkList.Evaluation evaluation) {
        return campaigns
                .deadlineFor(evaluation.organisationId(), evaluation.frameworkVersionId(), evaluation.year())
                .map(CampaignDeadline::deadline)
                .orElse(null);
    }

    private static String format(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }
}
