package be.bolwerk.incident.obligation.web;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.obligation.IncidentFacts;
import be.bolwerk.incident.obligation.ObligationKind;
import be.bolwerk.incident.obligation.Obligations;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The obligations page of one incident: its facts, each obligation with its countdown, and the forms to record
 * them. Loaded through {@link IncidentPages} (404 for an incident the person may not see); recording is for CRT
 * analysts and the organisation's admins (the use case refuses others with 403). A refused form is shown again
 * with what was typed and the reason next to the field.
 */
@Controller
@RequestMapping("/incidents/{id}/obligations")
@PreAuthorize("isAuthenticated()")
class ObligationController {

    static final String PAGE = "incident/obligations";

    /** Which field of which form a refusal belongs to; the rest are shown above the form. */
    private static final Map<String, String> FIELDS = Map.of(
            "incident.obligation.rule.knownRequired", "personalDataKnownAt",
            "incident.obligation.rule.awareRequired", "becameAwareAt",
            "incident.obligation.rule.resolvedBeforeStarted", "resolvedAt",
            "incident.obligation.rule.submittedRequired", "submittedAt",
            "incident.obligation.rule.submittedFuture", "submittedAt",
            "incident.obligation.rule.channelRequired", "channel",
            "incident.obligation.rule.delayReasonRequired", "delayReason",
            "incident.obligation.rule.reasonRequired", "reason");

    private final IncidentPages pages;
    private final Obligations obligations;
    private final Clock clock;

    ObligationController(IncidentPages pages, Obligations obligations, Clock clock) {
        this.pages = pages;
        this.obligations = obligations;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return render(id, user, model);
    }

    @PostMapping("/facts")
    String facts(
            @PathVariable UUID id,
            @Valid @ModelAttribute("factsForm") FactsForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        IncidentFacts.Values values = form.values(binding);
        if (binding.hasErrors()) {
            return render(id, user, model);
        }
        try {
            obligations.changeFacts(new IncidentId(id), values, user);
        } catch (Refusal refused) {
            reject(binding, refused);
            return render(id, user, model);
        }
        redirect.addFlashAttribute("notice", "incident.obligation.factsSaved");
        return "redirect:/incidents/" + id + "/obligations";
    }

    @PostMapping("/{obligationId}/submission")
    String submit(
            @PathVariable UUID id,
            @PathVariable UUID obligationId,
            @Valid @ModelAttribute("submissionForm") SubmissionForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Instant submittedAt = FactsForm.moment("submittedAt", form.submittedAt(), binding);
        model.addAttribute("failedObligation", obligationId);
        if (binding.hasErrors()) {
            return render(id, user, model);
        }
        try {
            obligations.submit(
                    new IncidentId(id),
                    obligationId,
                    new Obligations.Submission(
                            submittedAt,
                            form.channel(),
                            form.externalReference(),
                            Boolean.TRUE.equals(form.phased()),
                            form.delayReason()),
                    user);
        } catch (Refusal refused) {
            reject(binding, refused);
            return render(id, user, model);
        }
        redirect.addFlashAttribute("notice", "incident.obligation.submitted");
        return "redirect:/incidents/" + id + "/obligations";
    }

    @PostMapping("/{obligationId}/not-applicable")
    String notApplicable(
            @PathVariable UUID id,
            @PathVariable UUID obligationId,
            @Valid @ModelAttribute("notApplicableForm") NotApplicableForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("failedObligation", obligationId);
        if (binding.hasErrors()) {
            return render(id, user, model);
        }
        try {
            obligations.declareNotApplicable(new IncidentId(id), obligationId, form.reason(), user);
        } catch (Refusal refused) {
            reject(binding, refused);
            return render(id, user, model);
        }
        redirect.addFlashAttribute("notice", "incident.obligation.notApplicableSaved");
        return "redirect:/incidents/" + id + "/obligations";
    }

    @PostMapping("/added")
    String add(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        ObligationKind chosen = "NIS2_VOLUNTARY".equals(kind)
                ? ObligationKind.NIS2_VOLUNTARY
                : "GDPR_SUPPLEMENT".equals(kind) ? ObligationKind.GDPR_SUPPLEMENT : null;
        try {
            obligations.add(new IncidentId(id), chosen, user);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
            return "redirect:/incidents/" + id + "/obligations";
        }
        redirect.addFlashAttribute("notice", "incident.obligation.added");
        return "redirect:/incidents/" + id + "/obligations";
    }

    private String render(UUID id, CurrentUser user, Model model) {
        IncidentPages.Page page = pages.load(new IncidentId(id), user);
        Obligations.View view = obligations.view(new IncidentId(id), user);
        Instant now = clock.instant();
        model.addAttribute("head", page.header());
        model.addAttribute("view", view);
        model.addAttribute("now", now);
        model.addAttribute(
                "obligations",
                view.obligations().stream().map(o -> ObligationView.of(o, now)).toList());
        model.addAttribute("answers", Answer.values());
        if (!model.containsAttribute("factsForm")) {
            model.addAttribute("factsForm", FactsForm.of(view.facts()));
        }
        if (!model.containsAttribute("submissionForm")) {
            model.addAttribute("submissionForm", new SubmissionForm(null, null, null, null, false, null));
        }
        if (!model.containsAttribute("notApplicableForm")) {
            model.addAttribute("notApplicableForm", new NotApplicableForm(null, null));
        }
        return PAGE;
    }

    private static void reject(BindingResult binding, Refusal refused) {
        String field = FIELDS.get(refused.messageKey());
        if (field != null) {
            Refusals.reject(binding, field, refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }
}
