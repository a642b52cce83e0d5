package be.bolwerk.audit.web;

import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.ordering.AuditOrders;
import be.bolwerk.audit.ordering.Auditing;
import be.bolwerk.audit.ordering.Deciding;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.TypedInvoice;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps on an order page: the programme office's decisions (approve, in part, wait-list, refuse, firm, hold,
 * resume) and the auditor's work (schedule, start, findings, report, completion with the invoice). Steps that
 * move money or end an order ask for a confirmation tick; forms the auditor types come back as typed when
 * refused.
 */
@Controller
@RequestMapping("/audits/{id}")
class AuditStepController {

    private final Deciding deciding;
    private final Auditing auditing;
    private final AuditOrders orders;
    private final AuditViews views;
    /** The step buttons that send at most a tick and one text, by the last part of their path. */
    private final Map<String, Step> steps;

    AuditStepController(Deciding deciding, Auditing auditing, AuditOrders orders, AuditViews views) {
        this.deciding = deciding;
        this.auditing = auditing;
        this.orders = orders;
        this.views = views;
        Persona officer = Persona.PROGRAMME_OFFICER;
        Persona auditor = Persona.AUDITOR;
        this.steps = Map.of(
                "approve", new Step(officer, true, "auditOrder.approved", (o, f, u) -> deciding.approve(o, u)),
                "partial", new Step(officer, true, "auditOrder.approved", (o, f, u) -> deciding.approvePartially(o, u)),
                "wait-list", new Step(officer, true, "auditOrder.waitListed", (o, f, u) -> deciding.waitList(o, u)),
                "refuse", new Step(officer, true, "auditOrder.refused", (o, f, u) -> deciding.refuse(o, f.reason(), u)),
                "firm",
                        new Step(
                                officer,
                                false,
                                "auditOrder.firmAssigned",
                                (o, f, u) -> deciding.assign(o, f.firm(), u)),
                "hold", new Step(officer, false, "auditOrder.held", (o, f, u) -> deciding.hold(o, f.reason(), u)),
                "resume", new Step(officer, false, "auditOrder.resumed", (o, f, u) -> deciding.resume(o, u)),
                "schedule",
                        new Step(
                                auditor,
                                false,
                                "auditOrder.scheduled",
                                (o, f, u) -> auditing.schedule(o, day(f.date()), u)),
                "start", new Step(auditor, false, "auditOrder.started", (o, f, u) -> auditing.start(o, u)));
    }

    /** What a simple step button sends: the tick where the step asks for one, and the one text some steps take. */
    record StepForm(Boolean confirmed, String reason, String firm, String date) {}

    /** Who may take a step, whether it moves money or ends an order (and so asks for the tick), its notice. */
    private record Step(Persona who, boolean asksConfirmation, String notice, Action action) {}

    @FunctionalInterface
    private interface Action {
        void take(AuditOrderId order, StepForm form, CurrentUser user);
    }

    /**
     * The programme office's decisions and the auditor's schedule and start: one handler, the step named by the
     * path. A person without the step's role is refused before anything else, as the services refuse them too.
     */
    @PostMapping({"/approve", "/partial", "/wait-list", "/refuse", "/firm", "/hold", "/resume", "/schedule", "/start"})
    @PreAuthorize("hasAnyRole('PROGRAMME_OFFICER', 'AUDITOR')")
    String step(
            @PathVariable UUID id,
            StepForm form,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        String path = request.getRequestURI();
        Step step = steps.get(path.substring(path.lastIndexOf('/') + 1));
        if (!user.has(step.who())) {
            throw new AccessDeniedException("not a step of " + step.who());
        }
        boolean confirmed = !step.asksConfirmation() || Boolean.TRUE.equals(form.confirmed());
        return AuditPages.step(
                id, confirmed, redirect, step.notice(), () -> step.action().take(new AuditOrderId(id), form, user));
    }

    @PostMapping("/findings")
    @PreAuthorize("hasRole('AUDITOR')")
    String finding(
            @PathVariable UUID id,
            @Valid @ModelAttribute("findingForm") FindingForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                auditing.record(
                        new AuditOrderId(id),
                        new Auditing.FindingDraft(
                                form.title(), form.severity(), form.description(), form.recommendation()),
                        user);
                redirect.addFlashAttribute("notice", "auditOrder.findingRecorded");
                return "redirect:/audits/" + id + "#findings";
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        return page(id, user, model, locale);
    }

    @PostMapping("/report")
    @PreAuthorize("hasRole('AUDITOR')")
    String report(
            @PathVariable UUID id,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            Refusals.flash(redirect, Refusal.invalid(Auditing.NOT_PDF));
            return "redirect:/audits/" + id;
        }
        Auditing.Upload upload = new Auditing.Upload(
                file.getOriginalFilename(),
                file.getSize(),
                file.getBytes(),
                request.getRequestURI(),
                request.getRemoteAddr());
        return AuditPages.step(
                id, true, redirect, "auditOrder.reported", () -> auditing.report(new AuditOrderId(id), upload, user));
    }

    @PostMapping("/complete")
    @PreAuthorize("hasRole('AUDITOR')")
    String complete(
            @PathVariable UUID id,
            @Valid @ModelAttribute("invoiceForm") TypedInvoice form,
            BindingResult binding,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Invoice invoice = form.read(binding);
        if (!binding.hasErrors() && !confirmed) {
            binding.reject(AuditPages.CONFIRM);
        }
        if (!binding.hasErrors()) {
            try {
                auditing.complete(new AuditOrderId(id), invoice, user);
                redirect.addFlashAttribute("notice", "auditOrder.completed");
                return "redirect:/audits/" + id;
            } catch (Refusal refused) {
                Refusals.reject(binding, refused);
            }
        }
        return page(id, user, model, locale);
    }

    private String page(UUID id, CurrentUser user, Model model, Locale locale) {
        return AuditPages.detail(orders.view(new AuditOrderId(id), user), views, deciding, model, locale);
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
