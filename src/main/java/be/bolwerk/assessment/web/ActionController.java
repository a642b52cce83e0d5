package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.AssessmentNotFound;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.assessment.improvement.ActionPlanning;
import be.bolwerk.assessment.improvement.ImprovementActions;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One improvement action: its page, changing it (admins, while it is open) and closing it (admins and its
 * owner, after confirming). The results page lists the actions; this page is where the home work list and
 * the results page link to.
 */
@Controller
@RequestMapping("/assessments/{id}/actions/{actionId}")
class ActionController {

    /** The action as the page shows it: names and dates formatted here, not in the template. */
    public record ActionView(
            ImprovementActions.Action action, String owner, String due, String closedBy, String closedAt) {}

    private final Evaluations evaluations;
    private final ImprovementActions actions;
    private final ActionPlanning planning;
    private final be.bolwerk.shared.web.DateFormats dates;

    ActionController(
            Evaluations evaluations,
            ImprovementActions actions,
            ActionPlanning planning,
            be.bolwerk.shared.web.DateFormats dates) {
        this.evaluations = evaluations;
        this.actions = actions;
        this.planning = planning;
        this.dates = dates;
    }

    @GetMapping
    String show(
            @PathVariable UUID id,
            @PathVariable UUID actionId,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        SelfEvaluation view = evaluations.view(id, user);
        ImprovementActions.Action action =
                actions.find(view.assessment(), actionId).orElseThrow(AssessmentNotFound::new);
        List<OrganisationMember> members = evaluations.assignable(view.assessment());
        model.addAttribute("view", view);
        model.addAttribute(
                "item",
                new ActionView(
                        action,
                        name(members, action.ownerId()),
                        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")
                                .format(action.dueDate()),
                        name(evaluations.assignableOrFormer(view.assessment()), action.closedBy()),
                        action.closedAt() == null ? null : dates.dateTime(action.closedAt())));
        boolean admin = view.access().admin();
        model.addAttribute("mayChange", admin && action.open());
        model.addAttribute("mayClose", action.open() && (admin || user.id().equals(action.ownerId())));
        if (admin && action.open()) {
            model.addAttribute("members", members);
            if (!model.containsAttribute("actionForm")) {
                model.addAttribute(
                        "actionForm",
                        new ActionForm(
                                action.controlRef(),
                                action.title(),
                                action.ownerId() == null ? "" : action.ownerId().toString(),
                                action.dueDate().toString(),
                                action.priority().name()));
            }
        }
        return "assessment/action";
    }

    @PostMapping
    String change(
            @PathVariable UUID id,
            @PathVariable UUID actionId,
            @Valid @ModelAttribute ActionForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.view(id, user);
        List<String> problems = FormProblems.of(binding, ActionForm.class);
        if (problems.isEmpty()) {
            try {
                planning.change(id, actionId, form.plan(), user);
                redirect.addFlashAttribute("notice", "assessment.action.changed");
                return "redirect:/assessments/" + id + "/actions/" + actionId;
            } catch (Refusal refusal) {
                problems = List.of(refusal.messageKey());
            }
        }
        redirect.addFlashAttribute("problems", problems);
        redirect.addFlashAttribute("actionForm", form);
        return "redirect:/assessments/" + id + "/actions/" + actionId;
    }

    @PostMapping("/close")
    String close(
            @PathVariable UUID id,
            @PathVariable UUID actionId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.view(id, user);
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/assessments/" + id + "/actions/" + actionId;
        }
        try {
            planning.close(id, actionId, user);
            redirect.addFlashAttribute("notice", "assessment.action.closedNow");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/assessments/" + id + "/actions/" + actionId;
    }

    private static String name(List<OrganisationMember> members, UUID accountId) {
        if (accountId == null) {
            return null;
        }
        return members.stream()
                .filter(m -> m.accountId().equals(accountId))
                .map(OrganisationMember::displayName)
                .findFirst()
                .orElse("—");
    }
}
