package be.bolwerk.incident.response;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.playbook.Tasks;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ticking an incident's tasks done or open again, and adding the playbook of a category the incident moved to. */
@Controller
@RequestMapping("/incidents/{id}/handling")
class TaskController {

    private final IncidentPages pages;
    private final Tasks tasks;

    TaskController(IncidentPages pages, Tasks tasks) {
        this.pages = pages;
        this.tasks = tasks;
    }

    @PostMapping("/tasks/{taskId}/done")
    String done(
            @PathVariable UUID id,
            @PathVariable UUID taskId,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return act(id, user, redirect, "incident.task.ticked", () -> tasks.done(new IncidentId(id), taskId, user));
    }

    @PostMapping("/tasks/{taskId}/undo")
    String undo(
            @PathVariable UUID id,
            @PathVariable UUID taskId,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return act(id, user, redirect, "incident.task.unticked", () -> tasks.undo(new IncidentId(id), taskId, user));
    }

    @PostMapping("/playbook")
    String addPlaybook(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return act(
                id, user, redirect, "incident.task.playbookAdded", () -> tasks.addPlaybook(new IncidentId(id), user));
    }

    private String act(UUID id, CurrentUser user, RedirectAttributes redirect, String notice, Runnable action) {
        pages.load(new IncidentId(id), user);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/incidents/" + id + "/handling#tasks";
    }
}
