package be.bolwerk.incident.timeline.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.evidence.IncidentEvidence;
import be.bolwerk.incident.timeline.web.Forms.EvidenceForm;
import be.bolwerk.incident.timeline.web.Forms.HandoverForm;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Attachments;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

/** Evidence files: upload (SHA-256 computed), download (written to the chain of custody), hand-over. */
@Controller
@RequestMapping("/incidents/{id}/evidence")
class IncidentEvidenceController {

    private static final String NO_FILE = "incident.evidence.rule.noFile";

    private final TimelinePage page;
    private final IncidentEvidence evidence;

    IncidentEvidenceController(TimelinePage page, IncidentEvidence evidence) {
        this.page = page;
        this.evidence = evidence;
    }

    @PostMapping
    String upload(
            @PathVariable UUID id,
            @ModelAttribute("evidenceForm") EvidenceForm form,
            BindingResult binding,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                // Checked after access: the 404 of another organisation's incident comes first.
                evidence.mayUpload(new IncidentId(id), user);
                throw Refusal.invalid(NO_FILE);
            }
            IncidentEvidence.Upload upload = new IncidentEvidence.Upload(
                    file.getOriginalFilename(), file.getSize(), file, request.getRequestURI(), request.getRemoteAddr());
            evidence.upload(new IncidentId(id), upload, Forms.tlp(form.evidenceTlp()), form.description(), user);
            redirect.addFlashAttribute("notice", "incident.evidence.added");
            return "redirect:/incidents/" + id + "/timeline#evidence";
        } catch (Refusal refused) {
            if (refused.messageKey().endsWith("descriptionTooLong")) {
                Refusals.reject(binding, "description", refused);
            } else {
                // The file input keeps no value in any browser: the refusal stands next to it instead.
                Refusals.reject(binding, refused);
                model.addAttribute("fileProblem", refused);
            }
            return page.render(id, "", user, model);
        }
    }

    /** Served as an attachment only, as bytes, and sandboxed should a browser open it anyway. */
    @GetMapping("/{evidenceId}")
    void download(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        IncidentEvidence.Download file = evidence.download(new IncidentId(id), evidenceId, user);
        Attachments.prepare(response, "application/octet-stream", file.fileName());
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    @PostMapping("/{evidenceId}/handover")
    String handOver(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @ModelAttribute("handoverForm") HandoverForm form,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            evidence.handOver(new IncidentId(id), evidenceId, form.handedTo(), form.reason(), user);
            redirect.addFlashAttribute("notice", "incident.evidence.handedOver");
            return "redirect:/incidents/" + id + "/timeline#evidence-" + evidenceId;
        } catch (Refusal refused) {
            // One hand-over form per file: the refusal and what was typed go back to the form of this file.
            model.addAttribute("handoverProblem", refused);
            model.addAttribute("handoverForm", new HandoverForm(evidenceId.toString(), form.handedTo(), form.reason()));
            return page.render(id, "", user, model);
        }
    }
}
