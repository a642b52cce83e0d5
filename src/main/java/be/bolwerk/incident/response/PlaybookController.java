package be.bolwerk.incident.response;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.playbook.PlaybookTask;
import be.bolwerk.incident.playbook.Playbooks;
import be.bolwerk.incident.playbook.Side;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CRT's playbooks: the list by category with a form to add a task, a page per task to change or remove it
 * (removal confirmed), and moving a task up or down. A refused form comes back with what was typed.
 */
@Controller
@RequestMapping("/incidents/playbooks")
@PreAuthorize("hasRole('CRT_ANALYST')")
class PlaybookController {

    private static final Map<String, String> FIELDS = Map.of(
            Playbooks.TITLE_REQUIRED, "title",
            Playbooks.DUE_RANGE, "dueHours",
            Playbooks.SIDE_REQUIRED, "side",
            Playbooks.CATEGORY_REQUIRED, "category");

    private final Playbooks playbooks;

    PlaybookController(Playbooks playbooks) {
        this.playbooks = playbooks;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("playbooks", playbooks.all(user));
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("sides", Side.values());
        if (!model.containsAttribute("playbookForm")) {
            model.addAttribute("playbookForm", PlaybookForm.EMPTY);
        }
        return "incident/playbooks";
    }

    @PostMapping
    String add(
            @ModelAttribute("playbookForm") PlaybookForm form,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            playbooks.add(form.categoryValue(), form.template(), user);
            redirect.addFlashAttribute("notice", "incident.playbook.added");
            return "redirect:/incidents/playbooks#playbook-" + form.categoryValue();
        } catch (Refusal refused) {
            keep(form, refused, redirect);
            return "redirect:/incidents/playbooks#add";
        }
    }

    @GetMapping("/{taskId}")
    String edit(@PathVariable UUID taskId, @AuthenticationPrincipal CurrentUser user, Model model) {
        PlaybookTask task = playbooks.find(taskId, user);
        model.addAttribute("task", task);
        model.addAttribute("sides", Side.values());
        if (!model.containsAttribute("playbookForm")) {
            model.addAttribute("playbookForm", PlaybookForm.of(task));
        }
        return "incident/playbooks-edit";
    }

    @PostMapping("/{taskId}")
    String change(
            @PathVariable UUID taskId,
            @ModelAttribute("playbookForm") PlaybookForm form,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        PlaybookTask task = playbooks.find(taskId, user);
        try {
            playbooks.change(taskId, form.template(), user);
            redirect.addFlashAttribute("notice", "incident.playbook.changed");
            return "redirect:/incidents/playbooks#playbook-" + task.category();
        } catch (Refusal refused) {
            keep(form, refused, redirect);
            return "redirect:/incidents/playbooks/" + taskId;
        }
    }

    @PostMapping("/{taskId}/remove")
    String remove(
            @PathVariable UUID taskId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        PlaybookTask task = playbooks.find(taskId, user);
        if (!confirmed) {
            Refusals.flash(redirect, Refusal.invalid(HandlingController.CONFIRM_REQUIRED));
            return "redirect:/incidents/playbooks/" + taskId + "#remove";
        }
        playbooks.remove(taskId, user);
        redirect.addFlashAttribute("notice", "incident.playbook.removed");
        return "redirect:/incidents/playbooks#playbook-" + task.category();
    }

    @PostMapping("/{taskId}/up")
    String up(@PathVariable UUID taskId, @AuthenticationPrincipal CurrentUser user) {
        playbooks.move(taskId, true, user);
        return "redirect:/incidents/playbooks#task-" + taskId;
    }

    @PostMapping("/{taskId}/down")
    String down(@PathVariable UUID taskId, @AuthenticationPrincipal CurrentUser user) {
        playbooks.move(taskId, false, user);
        return "redirect:/incidents/playbooks#task-" + taskId;
    }

    private static void keep(PlaybookForm form, Refusal refused, RedirectAttributes redirect) {
        BindingResult binding = new BeanPropertyBindingResult(form, "playbookForm");
        String field = FIELDS.get(refused.messageKey());
        if (field == null) {
            Refusals.reject(binding, refused);
        } else {
            Refusals.reject(binding, field, refused);
        }
        redirect.addFlashAttribute("org.springframework.validation.BindingResult.playbookForm", binding);
        redirect.addFlashAttribute("playbookForm", form);
    }
}
