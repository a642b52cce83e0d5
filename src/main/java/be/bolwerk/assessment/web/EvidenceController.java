package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evidence.Evidence;
import be.bolwerk.assessment.evidence.EvidenceFiles;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Attachments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evidence for answers: uploading files, adding links, downloading and removing them. */
@Controller
@RequestMapping("/assessments")
class EvidenceController {

    /** One step that may be refused; the refusal becomes the notice next to the control. */
    private interface Step {
        void run() throws IOException;
    }

    private final Evaluations evaluations;
    private final EvidenceFiles evidence;

    EvidenceController(Evaluations evaluations, EvidenceFiles evidence) {
        this.evaluations = evaluations;
        this.evidence = evidence;
    }

    @PostMapping("/{id}/answers/{ref}/evidence")
    String addEvidenceFile(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        evaluations.view(id, user);
        if (file == null || file.isEmpty()) {
            ControlFeedback.refused(redirect, ref, "evidence", "assessment.evidence.noFile");
            return backToControl(id, ref, user);
        }
        EvidenceFiles.Upload upload = new EvidenceFiles.Upload(
                file.getOriginalFilename(), file.getSize(), file, request.getRequestURI(), request.getRemoteAddr());
        return done(
                id, ref, user, redirect, "assessment.evidence.added", () -> evidence.addFile(id, ref, upload, user));
    }

    @PostMapping("/{id}/answers/{ref}/links")
    String addEvidenceLink(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        evaluations.view(id, user);
        return done(
                id,
                ref,
                user,
                redirect,
                "assessment.evidence.added",
                () -> evidence.addLink(id, ref, title, url, user));
    }

    /** Runs the step and says how it went, next to the control it belongs to. */
    private String done(UUID id, String ref, CurrentUser user, RedirectAttributes redirect, String notice, Step step)
            throws IOException {
        try {
            step.run();
            ControlFeedback.done(redirect, ref, "evidence", notice);
        } catch (Refusal refusal) {
            ControlFeedback.refused(redirect, ref, "evidence", refusal);
        }
        return backToControl(id, ref, user);
    }

    /** Served as an attachment only, in its checked type, and sandboxed should a browser open it anyway. */
    @GetMapping("/{id}/evidence/{evidenceId}")
    void evidenceFile(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        Evidence.Download file = evidence.file(id, evidenceId, user);
        Attachments.prepare(response, file.contentType(), file.name());
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
            RedirectAttributes redirect)
            throws IOException {
        evidence.file(id, evidenceId, user);
        if (!confirmed) {
            ControlFeedback.refused(redirect, ref, "evidence", "users.confirmFirst");
            return backToControl(id, ref, user);
        }
        return done(
                id, ref, user, redirect, "assessment.evidence.removed", () -> evidence.remove(id, evidenceId, user));
    }

    private String backToControl(UUID id, String ref, CurrentUser user) {
        return ControlFeedback.redirect(evaluations.view(id, user), id, ref, "evidence");
    }
}
