package be.bolwerk.incident.support.web;

import be.bolwerk.funding.Money;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.support.EmergencySupport;
import be.bolwerk.incident.support.Supporting;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
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
 * The emergency-support tab of an incident: the organisation's admin asks for support and may withdraw the
 * request; the CRT recommends it (for the amount asked or less) or advises against it; everyone who sees the
 * incident follows the request to its payment. The programme decides on its own page, {@code /emergency-support}.
 */
@Controller
@RequestMapping("/incidents/{id}/support")
class SupportController {

    private static final String PAGE = "incident/support";

    private final IncidentPages pages;
    private final Supporting supporting;

    SupportController(IncidentPages pages, Supporting supporting) {
        this.pages = pages;
        this.supporting = supporting;
    }

    @GetMapping
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("requestForm", RequestForm.empty());
        model.addAttribute("adviceForm", AdviceForm.empty());
        return page(new IncidentId(id), user, model);
    }

    @PostMapping
    String request(
            @PathVariable UUID id,
            @Valid @ModelAttribute("requestForm") RequestForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        IncidentId incident = new IncidentId(id);
        BigDecimal amount = Money.parse(form.amount());
        if (amount == null && !binding.hasFieldErrors("amount")) {
            binding.rejectValue("amount", "incident.support.rule.amountInvalid");
        }
        if (!binding.hasErrors()) {
            try {
                supporting.request(
                        incident,
                        new EmergencySupport.Request(form.purpose(), form.supplier(), amount, form.motivation()),
                        user);
                redirect.addFlashAttribute("notice", "incident.support.requested");
                return redirect(id);
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        model.addAttribute("adviceForm", AdviceForm.empty());
        return page(incident, user, model);
    }

    @PostMapping("/{supportId}/recommend")
    String recommend(
            @PathVariable UUID id,
            @PathVariable UUID supportId,
            @Valid @ModelAttribute("adviceForm") AdviceForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        BigDecimal amount = Money.parse(form.amount());
        if (amount == null && !binding.hasFieldErrors("amount")) {
            binding.rejectValue("amount", "incident.support.rule.amountInvalid");
        }
        return advise(
                id,
                supportId,
                form,
                binding,
                user,
                model,
                redirect,
                () -> supporting.recommend(new IncidentId(id), supportId, amount, form.advice(), user));
    }

    @PostMapping("/{supportId}/advise-against")
    String adviseAgainst(
            @PathVariable UUID id,
            @PathVariable UUID supportId,
            @Valid @ModelAttribute("adviceForm") AdviceForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        return advise(
                id,
                supportId,
                form,
                binding,
                user,
                model,
                redirect,
                () -> supporting.adviseAgainst(new IncidentId(id), supportId, form.advice(), user));
    }

    @PostMapping("/{supportId}/withdraw")
    String withdraw(
            @PathVariable UUID id,
            @PathVariable UUID supportId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (!confirmed) {
            // Only someone who may withdraw hears that the box was not ticked; anyone else is refused first.
            if (!pages.load(new IncidentId(id), user).access().mayDecideForOrganisation()) {
                throw new AccessDeniedException("the organisation's admins withdraw a request");
            }
            Refusals.flash(redirect, Refusal.invalid("incident.support.rule.confirmWithdraw"));
            return redirect(id);
        }
        try {
            supporting.withdraw(new IncidentId(id), supportId, user);
            redirect.addFlashAttribute("notice", "incident.support.withdrawn");
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return redirect(id);
    }

    private String advise(
            UUID id,
            UUID supportId,
            AdviceForm form,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect,
            Runnable step) {
        if (!binding.hasErrors()) {
            try {
                step.run();
                redirect.addFlashAttribute("notice", "incident.support.advised");
                return redirect(id);
            } catch (Refusal refused) {
                if (Supporting.movedOn(refused)) {
                    Refusals.flash(redirect, refused);
                    return redirect(id);
                }
                Refusals.reject(binding, refused);
            }
        }
        // The errors and what was typed show at the request they belong to.
        model.addAttribute("adviceFor", supportId);
        model.addAttribute("requestForm", RequestForm.empty());
        return page(new IncidentId(id), user, model);
    }

    private String page(IncidentId incident, CurrentUser user, Model model) {
        IncidentPages.Page page = pages.load(incident, user);
        model.addAttribute("head", page.header());
        model.addAttribute(
                "requests",
                SupportViews.rows(
                        supporting.ofIncident(incident, user), page.header().organisationName()));
        model.addAttribute(
                "mayRequest",
                page.access().mayDecideForOrganisation()
                        && page.incident().status().isOpen());
        model.addAttribute("mayWithdraw", page.access().mayDecideForOrganisation());
        model.addAttribute("mayAdvise", page.access().mayHandle());
        return PAGE;
    }

    private static String redirect(UUID id) {
        return "redirect:/incidents/" + id + "/support";
    }
}
