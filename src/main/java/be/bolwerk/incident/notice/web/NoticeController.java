package be.bolwerk.incident.notice.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.notice.NoticeField;
import be.bolwerk.incident.notice.NoticePdf;
import be.bolwerk.incident.notice.Notices;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The notification drafts of one incident: the list per obligation, one draft with its field checklist, the current
 * value of each field and the preview of the exact text, its text and PDF exports, and the forms to choose fields and
 * record the submission. Loaded through {@link IncidentPages} by the use case (404 for an incident the person may
 * not see); a refused form is shown again with what was typed and the reason next to the field.
 */
@Controller
@RequestMapping("/incidents/{id}/notices")
@PreAuthorize("isAuthenticated()")
class NoticeController {

    /** Which field of the submission form a refusal belongs to; the rest are shown above the form. */
    private static final Map<String, String> FIELDS = Map.of(
            "incident.obligation.rule.submittedRequired", "submittedAt",
            "incident.obligation.rule.submittedFuture", "submittedAt",
            "incident.obligation.rule.channelRequired", "channel",
            "incident.obligation.rule.delayReasonRequired", "delayReason",
            "incident.notice.rule.noFields", "fields",
            "incident.notice.rule.coverTooLong", "cover");

    private static final String SUBMITTED = "incident.notice.rule.submitted";

    private final IncidentPages pages;
    private final Notices notices;
    private final NoticePdf pdf;

    NoticeController(IncidentPages pages, Notices notices, NoticePdf pdf) {
        this.pages = pages;
        this.notices = notices;
        this.pdf = pdf;
    }

    @GetMapping
    String list(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        IncidentPages.Page page = pages.load(new IncidentId(id), user);
        model.addAttribute("head", page.header());
        model.addAttribute("overview", notices.overview(new IncidentId(id), user));
        return "incident/notices";
    }

    @PostMapping
    String draft(
            @PathVariable UUID id,
            @RequestParam(required = false) UUID obligationId,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        UUID noticeId;
        try {
            noticeId = notices.draft(new IncidentId(id), obligationId, user);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
            return "redirect:/incidents/" + id + "/notices";
        }
        redirect.addFlashAttribute("notice", "incident.notice.drafted");
        return "redirect:/incidents/" + id + "/notices/" + noticeId;
    }

    @GetMapping("/{noticeId}")
    String show(
            @PathVariable UUID id,
            @PathVariable UUID noticeId,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        return render(id, noticeId, user, model);
    }

    @PostMapping("/{noticeId}")
    String choose(
            @PathVariable UUID id,
            @PathVariable UUID noticeId,
            @Valid @ModelAttribute("choiceForm") ChoiceForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(id, noticeId, user, model);
        }
        try {
            notices.choose(
                    new IncidentId(id),
                    noticeId,
                    NoticeField.parse(form.fields()),
                    form.cover(),
                    form.revision() == null ? -1 : form.revision(),
                    user);
        } catch (Refusal refused) {
            return refused(refused, id, noticeId, binding, user, model, redirect);
        }
        redirect.addFlashAttribute("notice", "incident.notice.saved");
        return "redirect:/incidents/" + id + "/notices/" + noticeId;
    }

    @PostMapping("/{noticeId}/submission")
    String submit(
            @PathVariable UUID id,
            @PathVariable UUID noticeId,
            @Valid @ModelAttribute("submissionForm") SubmissionForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Instant submittedAt = moment(form.submittedAt(), binding);
        if (binding.hasErrors()) {
            return render(id, noticeId, user, model);
        }
        try {
            notices.submit(
                    new IncidentId(id),
                    noticeId,
                    new Notices.Submission(
                            submittedAt,
                            form.channel(),
                            form.externalReference(),
                            Boolean.TRUE.equals(form.phased()),
                            form.delayReason()),
                    form.revision() == null ? -1 : form.revision(),
                    user);
        } catch (Refusal refused) {
            return refused(refused, id, noticeId, binding, user, model, redirect);
        }
        redirect.addFlashAttribute("notice", "incident.notice.submitted");
        return "redirect:/incidents/" + id + "/notices/" + noticeId;
    }

    /**
     * A submitted draft has no forms left to show a refusal next to, so that refusal is said above the page; any other
     * is shown next to its field with what the person typed.
     */
    private String refused(
            Refusal refused,
            UUID id,
            UUID noticeId,
            BindingResult binding,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (frozen(refused)) {
            Refusals.flash(redirect, refused);
            return "redirect:/incidents/" + id + "/notices/" + noticeId;
        }
        reject(binding, refused);
        return render(id, noticeId, user, model);
    }

    @GetMapping("/{noticeId}/export.txt")
    ResponseEntity<byte[]> text(
            @PathVariable UUID id, @PathVariable UUID noticeId, @AuthenticationPrincipal CurrentUser user) {
        Notices.Detail detail = notices.detail(new IncidentId(id), noticeId, user);
        return file(
                name(detail, "txt"),
                new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
                detail.text().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/{noticeId}/export.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id, @PathVariable UUID noticeId, @AuthenticationPrincipal CurrentUser user) {
        Notices.Detail detail = notices.detail(new IncidentId(id), noticeId, user);
        String title =
                detail.text().lines().skip(1).findFirst().orElse(detail.base().reference());
        return file(name(detail, "pdf"), MediaType.APPLICATION_PDF, pdf.of(title, detail.text()));
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    private static String name(Notices.Detail detail, String extension) {
        return detail.base().reference().toLowerCase(Locale.ROOT) + "-melding-"
                + detail.notice().recipient().name().toLowerCase(Locale.ROOT) + "." + extension;
    }

    private String render(UUID id, UUID noticeId, CurrentUser user, Model model) {
        IncidentPages.Page page = pages.load(new IncidentId(id), user);
        Notices.Detail detail = notices.detail(new IncidentId(id), noticeId, user);
        model.addAttribute("head", page.header());
        model.addAttribute("detail", detail);
        model.addAttribute("fields", NoticeField.values());
        if (!model.containsAttribute("choiceForm")) {
            model.addAttribute(
                    "choiceForm",
                    new ChoiceForm(
                            detail.notice().fields().stream().map(Enum::name).toList(),
                            detail.notice().cover(),
                            detail.notice().revision()));
        }
        if (!model.containsAttribute("submissionForm")) {
            model.addAttribute(
                    "submissionForm",
                    new SubmissionForm(
                            null, null, null, false, null, detail.notice().revision()));
        }
        return "incident/notice";
    }

    private static Instant moment(String text, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(BelgianTime.ZONE).toInstant();
        } catch (DateTimeParseException malformed) {
            binding.rejectValue("submittedAt", "incident.obligation.validation.moment");
            return null;
        }
    }

    /** A submitted draft has no forms left to show a refusal next to: the page says it above. */
    private static boolean frozen(Refusal refused) {
        return SUBMITTED.equals(refused.messageKey());
    }

    private static void reject(BindingResult binding, Refusal refused) {
        String field = FIELDS.get(refused.messageKey());
        if (field != null) {
            Refusals.reject(binding, field, refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }
}
