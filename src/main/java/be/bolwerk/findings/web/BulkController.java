package be.bolwerk.findings.web;

import be.bolwerk.findings.register.Bulk;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk actions on the register, without JavaScript: the register's form posts the ticked findings to the preview,
 * which lists what will change (and lets the person correct owner, date or reason); its confirmation posts the
 * findings with the revisions it showed. Organisation admins only; the use case checks each finding.
 */
@Controller
@RequestMapping("/findings/bulk")
@PreAuthorize("hasRole('ORGANISATION_ADMIN')")
class BulkController {

    private static final String PAGE = "findings/bulk";

    private final Bulk bulk;
    private final OrganisationMembers members;

    BulkController(Bulk bulk, OrganisationMembers members) {
        this.bulk = bulk;
        this.members = members;
    }

    @PostMapping("/preview")
    String preview(
            @Valid @ModelAttribute("bulkForm") BulkForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        List<Bulk.Line> lines = List.of();
        if (form.dateInvalid()) {
            binding.rejectValue("due", "findings.bulk.validation.date");
        }
        if (!binding.hasErrors()) {
            try {
                lines = bulk.preview(form.chosen(), form.change(), user);
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        return page(form, form.chosen().stream().map(Object::toString).toList(), lines, user, model);
    }

    @PostMapping
    String apply(
            @Valid @ModelAttribute("bulkForm") BulkForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        List<String> chosen =
                form.confirmed().stream().map(i -> i.id().toString()).toList();
        if (form.dateInvalid()) {
            binding.rejectValue("due", "findings.bulk.validation.date");
        }
        if (!binding.hasErrors()) {
            try {
                int changed = bulk.apply(form.confirmed(), form.change(), user);
                redirect.addFlashAttribute("notice", changed == 0 ? "findings.bulk.nothing" : "findings.bulk.done");
                return "redirect:/findings";
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        List<Bulk.Line> lines = List.of();
        try {
            lines = bulk.preview(form.confirmed().stream().map(Bulk.Item::id).toList(), form.change(), user);
        } catch (Refusal refusedAgain) {
            // the form-wide error above says why; the person corrects the change and looks again
        }
        return page(form, chosen, lines, user, model);
    }

    private String page(BulkForm form, List<String> chosen, List<Bulk.Line> lines, CurrentUser user, Model model) {
        model.addAttribute("chosen", chosen);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "changing", lines.stream().filter(l -> !l.unchanged()).count());
        model.addAttribute("owners", owners(user));
        model.addAttribute("day", new FindingController.Days());
        model.addAttribute("moving", "MOVE_DUE".equals(form.action()));
        return PAGE;
    }

    /** The active members of the organisations the person administers, each once. */
    private List<OrganisationMember> owners(CurrentUser user) {
        Map<UUID, OrganisationMember> owners = new LinkedHashMap<>();
        user.memberships().forEach((organisation, role) -> {
            if (role == OrganisationRole.ORGANISATION_ADMIN) {
                members.active(organisation).forEach(m -> owners.putIfAbsent(m.accountId(), m));
            }
        });
        return new ArrayList<>(owners.values());
    }
}
