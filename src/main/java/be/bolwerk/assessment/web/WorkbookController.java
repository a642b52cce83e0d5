package be.bolwerk.assessment.web;

import be.bolwerk.assessment.document.AnswerWorkbook;
import be.bolwerk.assessment.document.Workbooks;
import be.bolwerk.assessment.evaluation.Answering;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Attachments;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Excel round trip of an assessment's answers, for officers who work offline; admins only. */
@Controller
@RequestMapping("/assessments")
class WorkbookController {

    private final Workbooks workbooks;

    WorkbookController(Workbooks workbooks) {
        this.workbooks = workbooks;
    }

    @GetMapping("/{id}/export.xlsx")
    void exportAnswers(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException {
        SelfEvaluation view = workbooks.forAdmin(id, user);
        Attachments.prepare(
                response,
                AnswerWorkbook.CONTENT_TYPE,
                "zelfevaluatie-" + view.framework().code() + "-"
                        + view.assessment().year() + ".xlsx");
        workbooks.write(view, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @PostMapping("/{id}/import")
    String importAnswers(
            @PathVariable UUID id,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        workbooks.forAdmin(id, user);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "assessment.workbook.noFile");
            return "redirect:/assessments/" + id;
        }
        try (InputStream in = file.getInputStream()) {
            Answering.Imported imported =
                    workbooks.importAnswers(id, in, file.getOriginalFilename(), LocaleContextHolder.getLocale(), user);
            redirect.addFlashAttribute("notice", "assessment.workbook.imported");
            redirect.addFlashAttribute("importedCounts", List.of(imported.saved(), imported.unchanged()));
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
            // The refused rows, listed under the message.
            redirect.addFlashAttribute(
                    "problemDetails",
                    Arrays.stream(refusal.arguments()).map(String::valueOf).toList());
        }
        return "redirect:/assessments/" + id;
    }
}
