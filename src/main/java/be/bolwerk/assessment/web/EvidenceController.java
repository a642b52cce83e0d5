package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.SelfEvaluations;
import be.bolwerk.assessment.evidence.Evidence;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evidence for answers: uploading files, adding links, downloading and removing them. */
@Controller
@RequestMapping("/assessments")
public class EvidenceController {

    private final SelfEvaluations evaluations;
    private final ApplicationEventPublisher events;

    EvidenceController(SelfEvaluations evaluations, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.events = events;
    }

    @PostMapping("/{id}/answers/{ref}/evidence")
    String addEvidenceFile(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws java.io.IOException {
        UUID organisation = evaluations.view(id, user).assessment().organisationId();
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "assessment.evidence.noFile");
        } else if (file.getSize() > Evidence.MAX_BYTES) {
            refused(request, "assessment.evidence.size", file.getOriginalFilename(), organisation);
            redirect.addFlashAttribute("problem", "assessment.evidence.size");
        } else {
            byte[] content = file.getBytes();
            return added(
                    id,
                    ref,
                    user,
                    redirect,
                    () -> evaluations.addEvidenceFile(id, ref, file.getOriginalFilename(), content, user),
                    refused -> refused(request, refused.key(), file.getOriginalFilename(), organisation));
        }
        return backToControl(id, ref, user);
    }

    /** A refused file is a trace worth keeping: someone may be trying what the checks let through. */
    private void refused(HttpServletRequest request, String reason, String fileName, UUID organisation) {
        events.publishEvent(
                new UploadRefused(request.getRequestURI(), reason, fileName, organisation, request.getRemoteAddr()));
    }

    @PostMapping("/{id}/answers/{ref}/links")
    String addEvidenceLink(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.view(id, user);
        return added(
                id, ref, user, redirect, () -> evaluations.addEvidenceLink(id, ref, title, url, user), refused -> {});
    }

    /** Runs the addition and says how it went, next to the control it belongs to. */
    private String added(
            UUID id,
            String ref,
            CurrentUser user,
            RedirectAttributes redirect,
            Runnable addition,
            Consumer<Evidence.Refused> whenRefused) {
        try {
            addition.run();
            redirect.addFlashAttribute("notice", "assessment.evidence.added");
        } catch (Evidence.Refused refused) {
            whenRefused.accept(refused);
            redirect.addFlashAttribute("problem", refused.key());
        } catch (Assessment.AssessmentLocked locked) {
            redirect.addFlashAttribute("problem", "assessment.answer.locked");
        }
        return backToControl(id, ref, user);
    }

    /** Served as an attachment only, in its checked type, and sandboxed should a browser open it anyway. */
    @GetMapping("/{id}/evidence/{evidenceId}")
    void evidenceFile(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Evidence.Download file = evaluations.evidenceFile(id, evidenceId, user);
        be.bolwerk.shared.web.Attachments.prepare(response, file.contentType(), file.name());
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    @PostMapping("/{id}/evidence/{evidenceId}/delete")
    String removeEvidence(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "") String ref,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.evidenceFile(id, evidenceId, user);
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
        } else {
            try {
                evaluations.removeEvidence(id, evidenceId, user);
                redirect.addFlashAttribute("notice", "assessment.evidence.removed");
            } catch (Assessment.AssessmentLocked locked) {
                redirect.addFlashAttribute("problem", "assessment.answer.locked");
            }
        }
        return backToControl(id, ref, user);
    }

    private String backToControl(UUID id, String ref, CurrentUser user) {
        SelfEvaluations.View view = evaluations.view(id, user);
        return view.areaOf(ref)
                .map(area -> "redirect:/assessments/" + id + "/areas/" + area.ref() + "#control-"
                        + view.framework().node(ref).orElseThrow().domId())
                .orElse("redirect:/assessments/" + id);
    }
}
