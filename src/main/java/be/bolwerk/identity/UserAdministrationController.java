package be.bolwerk.identity;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account list for platform admins. Actions that lock someone out ask for an explicit confirmation box,
 * since the page cannot run an inline confirmation script under the Content-Security-Policy.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class UserAdministrationController {

    private static final int PAGE_SIZE = 25;

    private final UserAdministration administration;

    UserAdministrationController(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        model.addAttribute("result", administration.search(query, Math.max(0, page), PAGE_SIZE));
        return "account/users";
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/admin/users";
        }
        administration.deactivate(id);
        redirect.addFlashAttribute("notice", "users.deactivated");
        return "redirect:/admin/users";
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
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/admin/users";
        }
        administration.resetSecondFactors(id);
        redirect.addFlashAttribute("notice", "users.factorsReset");
        return "redirect:/admin/users";
    }
}
