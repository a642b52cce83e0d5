package be.bolwerk.identity.account;

import be.bolwerk.identity.account.UserAdministration.AccountRow;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
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

/**
 * The account list for platform admins, and per account its programme-wide personas. Actions that lock someone
 * out or take a persona away ask for an explicit confirmation box, since the page cannot run an inline
 * confirmation script under the Content-Security-Policy.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class UserAdministrationController {

    private static final int PAGE_SIZE = 25;

    private final UserAdministration administration;
    private final MessageSource messages;

    UserAdministrationController(UserAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        Paged<AccountRow> result = administration.search(query, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("accounts", AccountListView.of(result, request.getContextPath(), messages, locale));
        // In the handler, not a @ModelAttribute method: that would run (and be refused) before the handler.
        model.addAttribute("personas", Persona.values());
        if (!model.containsAttribute("personaInviteForm")) {
            model.addAttribute("personaInviteForm", PersonaInviteForm.empty());
        }
        return "account/users";
    }

    @PostMapping("/admin/users/invite")
    String invite(
            @Valid @ModelAttribute("personaInviteForm") PersonaInviteForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (form.persona() != null && !Affiliation.valid(form.persona(), form.affiliation())) {
            binding.rejectValue("affiliation", "users.affiliation.required");
        }
        if (binding.hasErrors()) {
            return list("", 0, request, locale, model);
        }
        administration.invite(admin, form.email(), form.persona(), form.affiliation());
        redirect.addFlashAttribute("notice", "users.invited");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{id}")
    String account(@PathVariable UUID id, Model model) {
        model.addAttribute("account", administration.account(id));
        model.addAttribute("personas", Persona.values());
        if (!model.containsAttribute("personaForm")) {
            model.addAttribute("personaForm", new PersonaForm(null, null));
        }
        return "account/user";
    }

    /** Gives a persona or changes its affiliation; the person's sessions end so the change holds at once. */
    @PostMapping("/admin/users/{id}/personas")
    String assignPersona(
            @PathVariable UUID id,
            @Valid @ModelAttribute("personaForm") PersonaForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (form.persona() != null && !Affiliation.valid(form.persona(), form.affiliation())) {
            binding.rejectValue("affiliation", "users.affiliation.required");
        }
        if (binding.hasErrors()) {
            return account(id, model);
        }
        administration.assignPersona(id, form.persona(), form.affiliation());
        redirect.addFlashAttribute("notice", "users.personaAssigned");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/personas/remove")
    String removePersona(
            @PathVariable UUID id,
            @RequestParam(required = false) Persona persona,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser admin,
            RedirectAttributes redirect) {
        if (!confirmed || persona == null) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/admin/users/" + id;
        }
        try {
            administration.removePersona(admin, id, persona);
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            return "redirect:/admin/users/" + id;
        }
        redirect.addFlashAttribute("notice", "users.persona.REMOVED");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        return confirmed(confirmed, redirect, () -> administration.deactivate(id), "users.deactivated");
    }

    @PostMapping("/admin/users/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        administration.reactivate(id);
        redirect.addFlashAttribute("notice", "users.reactivated");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/reset-factors")
    String resetFactors(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        return confirmed(confirmed, redirect, () -> administration.resetSecondFactors(id), "users.factorsReset");
    }

    /**
     * A destructive action on the user list runs only when its confirmation box was ticked; otherwise nothing
     * happens and the list asks for the confirmation first.
     */
    private static String confirmed(boolean confirmed, RedirectAttributes redirect, Runnable action, String notice) {
        if (confirmed) {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } else {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
        }
        return "redirect:/admin/users";
    }
}
