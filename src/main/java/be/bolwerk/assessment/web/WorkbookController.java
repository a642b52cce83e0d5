package be.bolwerk.assessment.web;

import be.bolwerk.assessment.document.AnswerWorkbook;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.SelfEvaluations;
import be.bolwerk.shared.ImportRefused;
import be.bolwerk.shared.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Excel round trip of an assessment's answers, for officers who work offline; admins only. */
@Controller
@RequestMapping("/assessments")
public class WorkbookController {

    private final SelfEvaluations evaluations;
    private final AnswerWorkbook workbook;
    private final ApplicationEventPublisher events;

    WorkbookController(SelfEvaluations evaluations, AnswerWorkbook workbook, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.workbook = workbook;
        this.events = events;
    }

    @GetMapping("/{id}/export.xlsx")
    void exportAnswers(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SelfEvaluations.View view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new org.springframework.security.access.AccessDeniedException("only admins export all answers");
        }
        be.bolwerk.shared.web.Attachments.prepare(
                response,
                AnswerWorkbook.CONTENT_TYPE,
                "zelfevaluatie-" + view.framework().code() + "-"
                        + view.assessment().year() + ".xlsx");
        workbook.write(
                view, org.springframework.context.i18n.LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @PostMapping("/{id}/import")
    String importAnswers(
            @PathVariable UUID id,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws java.io.IOException {
        SelfEvaluations.View view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new org.springframework.security.access.AccessDeniedException("only admins import answers");
        }
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "assessment.workbook.noFile");
            return "redirect:/assessments/" + id;
        }
        try (java.io.InputStream in = file.getInputStream()) {
            java.util.Map<String, AnswerInput> inputs =
                    workbook.read(in, view, org.springframework.context.i18n.LocaleContextHolder.getLocale());
            SelfEvaluations.Imported imported = evaluations.importAnswers(id, inputs, user);
            redirect.addFlashAttribute("notice", "assessment.workbook.imported");
            redirect.addFlashAttribute("importedCounts", List.of(imported.saved(), imported.unchanged()));
        } catch (AnswerWorkbook.Refused refused) {
            events.publishEvent(new ImportRefused(
                    "workbook assessment " + id,
                    refused.key(),
                    file.getOriginalFilename(),
                    view.assessment().organisationId(),
                    user.id()));
            redirect.addFlashAttribute("problem", refused.key());
            redirect.addFlashAttribute("problemDetails", refused.details());
        } catch (Assessment.AssessmentLocked locked) {
            redirect.addFlashAttribute("problem", "assessment.answer.locked");
        }
        return "redirect:/assessments/" + id;
    }
}
