package be.bolwerk.incident.review.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.review.Reviewing;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lessons page of an incident: the root cause and lessons the CRT records once the incident is recovered or
 * closed, and the button that takes a lesson into the organisation's improvement plan. Everyone who sees the
 * incident reads it; who may write is the use case's business.
 */
@Controller
@RequestMapping("/incidents/{id}/lessons")
class ReviewController {

    private static final String PAGE = "incident/lessons";

    private final IncidentPages pages;
    private final Reviewing reviewing;

    ReviewController(IncidentPages pages, Reviewing reviewing) {
        this.pages = pages;
        this.reviewing = reviewing;
    }

    @GetMapping
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        IncidentId incident = new IncidentId(id);
        Reviewing.Review review = reviewing.review(incident, user);
        model.addAttribute(
                "rootCauseForm",
                new RootCauseForm(review.rootCause().map(r -> r.text()).orElse("")));
        model.addAttribute("lessonForm", LessonForm.empty());
        return page(incident, user, model);
    }

    @PostMapping("/root-cause")
    String rootCause(
            @PathVariable UUID id,
            @Valid @ModelAttribute("rootCauseForm") RootCauseForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        IncidentId incident = new IncidentId(id);
        if (!binding.hasErrors()) {
            try {
                reviewing.recordRootCause(incident, form.rootCause(), user);
                redirect.addFlashAttribute("notice", "incident.review.rootCauseSaved");
                return redirect(id);
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        model.addAttribute("lessonForm", LessonForm.empty());
        return page(incident, user, model);
    }

    @PostMapping
    String addLesson(
            @PathVariable UUID id,
            @Valid @ModelAttribute("lessonForm") LessonForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        IncidentId incident = new IncidentId(id);
        if (!binding.hasErrors()) {
            try {
                reviewing.addLesson(incident, form.title(), form.detail(), form.priority(), user);
                redirect.addFlashAttribute("notice", "incident.review.lessonAdded");
                return redirect(id);
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        Reviewing.Review review = reviewing.review(incident, user);
        model.addAttribute(
                "rootCauseForm",
                new RootCauseForm(review.rootCause().map(r -> r.text()).orElse("")));
        return page(incident, user, model);
    }

    @PostMapping("/{lessonId}/adopt")
    String adopt(
            @PathVariable UUID id,
            @PathVariable UUID lessonId,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            reviewing.adopt(new IncidentId(id), lessonId, user);
            redirect.addFlashAttribute("notice", "incident.review.adopted");
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return redirect(id);
    }

    private String page(IncidentId incident, CurrentUser user, Model model) {
        IncidentPages.Page page = pages.load(incident, user);
        Reviewing.Review review = reviewing.review(incident, user);
        model.addAttribute("head", page.header());
        model.addAttribute("rootCause", ReviewViews.rootCause(review.rootCause().orElse(null)));
        model.addAttribute("lessons", ReviewViews.lessons(review.lessons()));
        model.addAttribute("mayWrite", page.access().mayHandle() && Reviewing.reviewable(page.incident()));
        model.addAttribute(
                "mayAdopt", page.access().mayHandle() || page.access().mayDecideForOrganisation());
        model.addAttribute("reviewable", Reviewing.reviewable(page.incident()));
        model.addAttribute("priorities", IncidentSeverity.values());
        return PAGE;
    }

    private static String redirect(UUID id) {
        return "redirect:/incidents/" + id + "/lessons";
    }
}
