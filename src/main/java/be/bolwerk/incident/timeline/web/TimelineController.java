package be.bolwerk.incident.timeline.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.timeline.Timeline;
import be.bolwerk.incident.timeline.web.Forms.EntryForm;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
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
 * The timeline page and its entries: reading (filtered by kind), adding an entry or a message, and correcting an
 * entry ({@code ?correct=<entry>} fills the form from it; the post names it in {@code corrects}).
 */
@Controller
@RequestMapping("/incidents/{id}")
class TimelineController {

    private final TimelinePage page;
    private final Timeline timeline;

    TimelineController(TimelinePage page, Timeline timeline) {
        this.page = page;
        this.timeline = timeline;
    }

    @GetMapping("/timeline")
    String show(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String correct,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        UUID corrected = Forms.uuid(correct);
        String view = page.render(id, kind, user, model);
        if (corrected != null && ((Access) model.getAttribute("access")).mayContribute()) {
            try {
                model.addAttribute(
                        "entryForm", EntryForm.correcting(timeline.entry(new IncidentId(id), corrected, user)));
            } catch (Refusal unknownEntry) {
                // An id that is no entry of this incident: the page shows the empty form.
            }
        }
        return view;
    }

    @PostMapping("/timeline")
    String write(
            @PathVariable UUID id,
            @ModelAttribute("entryForm") EntryForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        IncidentId incident = new IncidentId(id);
        try {
            UUID entry = timeline.write(incident, form.draft(), form.correctsId(), user);
            redirect.addFlashAttribute(
                    "notice", form.correctsId() == null ? "incident.timeline.added" : "incident.timeline.corrected");
            return "redirect:/incidents/" + id + "/timeline#entry-" + entry;
        } catch (Refusal refused) {
            Refusals.reject(binding, field(refused), refused);
            return page.render(id, "", user, model);
        }
    }

    private static String field(Refusal refused) {
        String key = refused.messageKey();
        if (key.endsWith("kindRequired") || key.endsWith("toOrganisationByCrt")) {
            return "kind";
        }
        if (key.contains(".rule.text")) {
            return "text";
        }
        if (key.contains(".rule.when")) {
            return "occurredAt";
        }
        return "corrects";
    }
}
