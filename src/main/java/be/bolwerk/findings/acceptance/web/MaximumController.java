package be.bolwerk.findings.acceptance.web;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.acceptance.Maxima;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Beside the SLA page: programme officers set how long a risk acceptance may hold, in months per severity. */
@Controller
@RequestMapping("/findings/sla/risk-acceptance")
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
class MaximumController {

    private final Maxima maxima;

    MaximumController(Maxima maxima) {
        this.maxima = maxima;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("maximumForm", MaximumForm.of(maxima.current()));
        return page(model);
    }

    @PostMapping
    String set(
            @Valid @ModelAttribute("maximumForm") MaximumForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(model);
        }
        maxima.set(form.maximum(), user);
        redirect.addFlashAttribute("notice", "findings.acceptance.maximum.saved");
        return "redirect:/findings/sla/risk-acceptance";
    }

    private String page(Model model) {
        model.addAttribute("severities", Severity.values());
        return "findings/acceptance/maximum";
    }
}
