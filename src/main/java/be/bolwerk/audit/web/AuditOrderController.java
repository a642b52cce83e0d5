package be.bolwerk.audit.web;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.audit.ordering.AuditOrders;
import be.bolwerk.audit.ordering.Deciding;
import be.bolwerk.audit.ordering.Ordering;
import be.bolwerk.audit.ordering.Quote;
import be.bolwerk.audit.ordering.SettlementStatement;
import be.bolwerk.audit.ordering.Severity;
import be.bolwerk.funding.Money;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Attachments;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
 * The audit orders as each person sees them: the list (an organisation's own orders, a firm's assignments, every
 * order for the programme office), ordering with a preview of the shares before sending, one order with its
 * history and the steps the person may take, the report and the settlement statement. What a person may see is
 * decided by the use cases ({@code AuditOrders}); a list or an order that is not theirs is empty or 404.
 */
@Controller
@RequestMapping("/audits")
class AuditOrderController {

    private final AuditOrders orders;
    private final Ordering ordering;
    private final Deciding deciding;
    private final SettlementStatement statement;
    private final AuditViews views;

    AuditOrderController(
            AuditOrders orders, Ordering ordering, Deciding deciding, SettlementStatement statement, AuditViews views) {
        this.orders = orders;
        this.ordering = ordering;
        this.deciding = deciding;
        this.statement = statement;
        this.views = views;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        AuditOrders.Search search = new AuditOrders.Search(q, status(status), sort, !"asc".equals(dir), page, 25);
        model.addAttribute("search", search);
        model.addAttribute("statuses", AuditStatus.values());
        model.addAttribute("list", views.list(orders.search(search, user), search, locale));
        model.addAttribute("mayOrder", !ordering.orderingFor(user).isEmpty());
        model.addAttribute(
                "heading",
                user.has(Persona.PROGRAMME_OFFICER)
                        ? "auditOrder.list.programme"
                        : user.has(Persona.AUDITOR) ? "auditOrder.list.auditor" : "auditOrder.list.title");
        return "audit/list";
    }

    @GetMapping("/new")
    String newOrder(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<OrganisationProfile> own = ordering.orderingFor(user);
        if (own.isEmpty()) {
            throw new be.bolwerk.audit.AuditOrderNotFound();
        }
        model.addAttribute("orderForm", OrderForm.first(own.get(0).id().value()));
        return form(model, own, null);
    }

    /** Works out the shares of what was typed and shows them with the form, before anything is sent. */
    @PostMapping("/preview")
    String preview(
            @Valid @ModelAttribute("orderForm") OrderForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        List<OrganisationProfile> own = ordering.orderingFor(user);
        Ordering.Request request = request(form, binding);
        if (binding.hasErrors()) {
            return form(model, own, null);
        }
        try {
            return form(model, own, ordering.preview(request, user));
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(model, own, null);
        }
    }

    @PostMapping
    String place(
            @Valid @ModelAttribute("orderForm") OrderForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        List<OrganisationProfile> own = ordering.orderingFor(user);
        Ordering.Request request = request(form, binding);
        if (binding.hasErrors()) {
            return form(model, own, null);
        }
        try {
            AuditOrderId id = ordering.place(request, user);
            redirect.addFlashAttribute("notice", "auditOrder.placed");
            return "redirect:/audits/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(model, own, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        return AuditPages.detail(orders.view(new AuditOrderId(id), user), views, deciding, model, locale);
    }

    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        // An order that is not the person's to see answers 404 before anything asks for a confirmation.
        orders.view(new AuditOrderId(id), user);
        return AuditPages.step(
                id,
                confirmed,
                redirect,
                "auditOrder.cancelled",
                () -> deciding.cancel(new AuditOrderId(id), reason, user));
    }

    @GetMapping("/{id}/report")
    void report(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException {
        AuditOrders.Report report = orders.report(new AuditOrderId(id), user);
        Attachments.prepare(response, "application/pdf", report.name());
        response.setContentLength(report.content().length);
        response.getOutputStream().write(report.content());
    }

    @GetMapping("/{id}/statement.pdf")
    void statement(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String reference = statement.write(new AuditOrderId(id), user, locale, out);
        Attachments.prepare(response, "application/pdf", "afrekening-" + reference + ".pdf");
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }

    private String form(Model model, List<OrganisationProfile> own, Ordering.Preview preview) {
        model.addAttribute("organisations", own);
        model.addAttribute("kinds", AuditKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("preview", preview == null ? null : PreviewView.of(preview));
        return "audit/form";
    }

    /** The preview's figures as the page shows them. */
    public record PreviewView(
            String organisation,
            String partner,
            String line,
            String basis,
            String excl,
            String vat,
            String total,
            String programme,
            String own,
            String partnerShare) {

        static PreviewView of(Ordering.Preview p) {
            Quote.Parts parts = p.parts();
            return new PreviewView(
                    p.organisation(),
                    p.partner(),
                    p.line(),
                    p.sharesIncludeVat() ? "auditOrder.basis.total" : "auditOrder.basis.excl",
                    Money.euro(p.quote().excludingVat()),
                    Money.euro(p.quote().vat()),
                    Money.euro(p.quote().total()),
                    Money.euro(parts.programme()),
                    Money.euro(parts.organisation()),
                    Money.euro(parts.partner()));
        }
    }

    /** The request of a form whose amounts are amounts; a field error for each that is not. */
    private static Ordering.Request request(OrderForm form, BindingResult binding) {
        BigDecimal excl = Money.parse(form.quoteExcludingVat());
        BigDecimal vat = Money.parse(form.quoteVat());
        if (!binding.hasFieldErrors("quoteExcludingVat") && excl == null) {
            binding.rejectValue("quoteExcludingVat", Quote.INVALID);
        }
        if (!binding.hasFieldErrors("quoteVat") && vat == null) {
            binding.rejectValue("quoteVat", Quote.INVALID);
        }
        if (binding.hasErrors()) {
            return null;
        }
        return new Ordering.Request(
                form.organisationId(),
                form.partnerId(),
                form.kind(),
                Boolean.TRUE.equals(form.coachingDay()),
                excl,
                vat);
    }

    private static void reject(BindingResult binding, Refusal refused) {
        if (refused.is(Quote.INVALID)) {
            Refusals.reject(binding, "quoteExcludingVat", refused);
        } else if (refused.is(Ordering.PARTNER_INVALID)) {
            Refusals.reject(binding, "partnerId", refused);
        } else if (refused.is(Ordering.COACHING_BASIC_ONLY) || refused.is(Ordering.NO_BASIC)) {
            Refusals.reject(binding, "kind", refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }

    private static AuditStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AuditStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
