package be.bolwerk.engagement.web;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.work.Finding;
import be.bolwerk.engagement.work.Testing;
import be.bolwerk.engagement.work.Viewing;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The college's steps on the engagement page: assigning students, starting, recording and reviewing findings,
 * reporting, and the stop button with its confirmation page. Who may press what, the services decide.
 */
@Controller
@RequestMapping("/engagements/{id}")
class TestingController {

    private final Testing testing;
    private final Viewing viewing;
    private final DetailModel detail;

    TestingController(Testing testing, Viewing viewing, DetailModel detail) {
        this.testing = testing;
        this.viewing = viewing;
        this.detail = detail;
    }

    @PostMapping("/students")
    String assign(
            @PathVariable UUID id,
            @RequestParam(name = "students", required = false) List<UUID> students,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        return Steps.take(id, "#students", redirect, () -> {
            testing.assign(new EngagementId(id), students == null ? Set.of() : new LinkedHashSet<>(students), user);
            return "engagement.assigned";
        });
    }

    @PostMapping("/start")
    String start(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect)
            throws IOException {
        return Steps.take(id, "", redirect, () -> {
            testing.start(new EngagementId(id), user);
            return "engagement.started";
        });
    }

    /** A new finding; a refused one is shown again with what the student typed. */
    @PostMapping("/findings")
    String submit(
            @PathVariable UUID id,
            @Valid @ModelAttribute("findingForm") FindingForm form,
            BindingResult binding,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (binding.hasErrors()) {
            return detail.show(id, user, model);
        }
        try {
            Testing.Upload upload = file == null || file.isEmpty() ? null : upload(file, request);
            testing.submit(new EngagementId(id), form.title(), form.severity(), form.description(), upload, user);
            redirect.addFlashAttribute("notice", "engagement.findingSubmitted");
            return "redirect:/engagements/" + id + "#findings";
        } catch (Refusal refused) {
            if (refused.messageKey().startsWith("engagement.file.")) {
                binding.reject(refused.messageKey(), refused.arguments(), null);
            } else {
                Refusals.reject(binding, refused);
            }
            return detail.show(id, user, model);
        }
    }

    @PostMapping("/findings/{findingId}")
    String resubmit(
            @PathVariable UUID id,
            @PathVariable UUID findingId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "MEDIUM") Finding.Severity severity,
            @RequestParam(defaultValue = "") String description,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "#finding-" + findingId, redirect, () -> {
            if (title.isBlank() || description.isBlank() || title.length() > 200 || description.length() > 4000) {
                throw Refusal.invalid("engagement.finding.incomplete");
            }
            testing.resubmit(new EngagementId(id), findingId, title, severity, description, user);
            return "engagement.findingSubmitted";
        });
    }

    @PostMapping("/findings/{findingId}/evidence")
    String addEvidence(
            @PathVariable UUID id,
            @PathVariable UUID findingId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "#finding-" + findingId, redirect, () -> {
            testing.addEvidence(new EngagementId(id), findingId, upload(Steps.file(file), request), user);
            return "engagement.evidenceAdded";
        });
    }

    @PostMapping("/findings/{findingId}/review")
    String review(
            @PathVariable UUID id,
            @PathVariable UUID findingId,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String remark,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "#findings", redirect, () -> {
            if (remark.length() > 2000) {
                throw Refusal.invalid("engagement.review.remarkLength", 2000);
            }
            boolean accept = "ACCEPT".equals(decision);
            if (!accept && !"SEND_BACK".equals(decision)) {
                throw Refusal.invalid("engagement.review.decision");
            }
            testing.review(new EngagementId(id), findingId, accept, remark, user);
            return accept ? "engagement.findingAccepted" : "engagement.findingSentBack";
        });
    }

    @PostMapping("/report")
    String report(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect)
            throws IOException {
        return Steps.take(id, "", redirect, () -> {
            testing.report(new EngagementId(id), user);
            return "engagement.reported";
        });
    }

    /** The stop button leads here: what was seen, and a confirmation that the engagement stops now. */
    @GetMapping("/stop")
    String stopPage(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return stopForm(id, user, model, new StopForm("", false));
    }

    @PostMapping("/stop")
    String stop(
            @PathVariable UUID id,
            @Valid @ModelAttribute("stopForm") StopForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return stopForm(id, user, model, null);
        }
        try {
            testing.stop(new EngagementId(id), form.description(), user);
            redirect.addFlashAttribute("notice", "engagement.stopped");
            return "redirect:/engagements/" + id;
        } catch (Refusal refused) {
            Refusals.reject(binding, refused);
            return stopForm(id, user, model, null);
        }
    }

    private static Testing.Upload upload(MultipartFile file, HttpServletRequest request) throws IOException {
        return new Testing.Upload(
                file.getOriginalFilename(), file.getBytes(), request.getRequestURI(), request.getRemoteAddr());
    }

    private String stopForm(UUID id, CurrentUser user, Model model, StopForm form) {
        Viewing.View view = viewing.view(new EngagementId(id), user);
        if (!view.access().mayStop()) {
            throw new org.springframework.security.access.AccessDeniedException("only those testing stop it");
        }
        model.addAttribute("engagementId", id.toString());
        model.addAttribute("engagementTitle", view.engagement().title());
        model.addAttribute("organisation", view.engagement().organisationName());
        if (form != null) {
            model.addAttribute("stopForm", form);
        }
        return "engagement/stop";
    }
}
