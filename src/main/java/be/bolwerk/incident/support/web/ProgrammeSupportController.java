package be.bolwerk.incident.support.web;

import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.TypedInvoice;
import be.bolwerk.incident.support.EmergencySupport;
import be.bolwerk.incident.support.SupportStatus;
import be.bolwerk.incident.support.Supporting;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
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
 * The programme's emergency-support pages: every request (pending ones by default), and one request with the
 * CRT's advice where the programme officer approves it from an emergency-fund line, rejects it, records the
 * invoice that pays it, or cancels an approval that will not be invoiced. CRT analysts read along. The incident itself stays out of sight: only its reference.
 */
@Controller
@RequestMapping("/emergency-support")
@PreAuthorize("hasAnyRole('PROGRAMME_OFFICER', 'CRT_ANALYST')")
class ProgrammeSupportController {

    private final Supporting supporting;

    ProgrammeSupportController(Supporting supporting) {
        this.supporting = supporting;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "pending") String show,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        boolean all = "all".equals(show);
        Paged<EmergencySupport> found = supporting.list(all ? Set.of() : SupportStatus.PENDING, page, user);
        model.addAttribute("show", all ? "all" : "pending");
        model.addAttribute(
                "requests",
                found.items().stream()
                        .map(s -> SupportViews.row(s, supporting.organisationName(s, user)))
                        .toList());
        model.addAttribute("paged", found);
        return "incident/support-list";
    }

    @GetMapping("/{supportId}")
    String show(@PathVariable UUID supportId, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(supportId, user, model);
    }

    @PostMapping("/{supportId}/approve")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String approve(
            @PathVariable UUID supportId,
            @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (form.line() == null) {
            binding.rejectValue("line", "incident.support.rule.lineRequired");
        } else {
            try {
                supporting.approve(supportId, new BudgetLineId(form.line()), user);
                redirect.addFlashAttribute("notice", "incident.support.approved");
                return redirect(supportId);
            } catch (Refusal refused) {
                if (Supporting.movedOn(refused)) {
                    Refusals.flash(redirect, refused);
                    return redirect(supportId);
                }
                Refusals.reject(binding, "line", refused);
            }
        }
        return page(supportId, user, model);
    }

    @PostMapping("/{supportId}/reject")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String reject(
            @PathVariable UUID supportId,
            @Valid @ModelAttribute("decisionForm") DecisionForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        return confirmedStep(
                supportId,
                binding,
                confirmed,
                "incident.support.rule.confirmReject",
                () -> supporting.reject(supportId, form.reason(), user),
                "incident.support.rejected",
                user,
                model,
                redirect);
    }

    @PostMapping("/{supportId}/pay")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String pay(
            @PathVariable UUID supportId,
            @Valid @ModelAttribute("invoiceForm") TypedInvoice form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Invoice invoice = form.read(binding);
        if (invoice != null) {
            try {
                supporting.pay(supportId, invoice, user);
                redirect.addFlashAttribute("notice", "incident.support.paid");
                return redirect(supportId);
            } catch (Refusal refused) {
                if (Supporting.movedOn(refused)) {
                    Refusals.flash(redirect, refused);
                    return redirect(supportId);
                }
                Refusals.reject(binding, refused);
            }
        }
        return page(supportId, user, model);
    }

    @PostMapping("/{supportId}/cancel")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String cancel(
            @PathVariable UUID supportId,
            @Valid @ModelAttribute("cancelForm") DecisionForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        return confirmedStep(
                supportId,
                binding,
                confirmed,
                "incident.support.rule.confirmCancel",
                () -> supporting.cancel(supportId, form.reason(), user),
                "incident.support.cancelled",
                user,
                model,
                redirect);
    }

    /**
     * A step with a reason and a ticked confirmation (reject, cancel): taken and announced, or, when someone else
     * moved the request on, announced on its page; any other refusal is shown next to the reason, which stays typed.
     */
    private String confirmedStep(
            UUID supportId,
            BindingResult binding,
            boolean confirmed,
            String confirmationMissing,
            Runnable step,
            String notice,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            binding.reject(confirmationMissing);
        }
        if (!binding.hasErrors()) {
            try {
                step.run();
                redirect.addFlashAttribute("notice", notice);
                return redirect(supportId);
            } catch (Refusal refused) {
                if (Supporting.movedOn(refused)) {
                    Refusals.flash(redirect, refused);
                    return redirect(supportId);
                }
                Refusals.reject(binding, "reason", refused);
            }
        }
        return page(supportId, user, model);
    }

    /** The request's page; the forms not being answered start empty. */
    private String page(UUID supportId, CurrentUser user, Model model) {
        for (String form : List.of("decisionForm", "cancelForm")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, DecisionForm.empty());
            }
        }
        if (!model.containsAttribute("invoiceForm")) {
            model.addAttribute("invoiceForm", TypedInvoice.empty());
        }
        EmergencySupport support = supporting.forProgramme(supportId, user);
        model.addAttribute("request", SupportViews.row(support, supporting.organisationName(support, user)));
        model.addAttribute("lines", SupportViews.lines(supporting.emergencyLines()));
        model.addAttribute("officer", user.has(Persona.PROGRAMME_OFFICER));
        return "incident/support-detail";
    }

    private static String redirect(UUID supportId) {
        return "redirect:/emergency-support/" + supportId;
    }
}
