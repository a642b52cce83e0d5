package be.bolwerk.audit.web;

import be.bolwerk.audit.ordering.AuditOrders;
import be.bolwerk.audit.ordering.Deciding;
import be.bolwerk.audit.ordering.Severity;
import be.bolwerk.funding.TypedInvoice;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.web.Refusals;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the order page and its step buttons share: the page's model, and a step taken with its confirmation. */
final class AuditPages {

    static final String CONFIRM = "auditOrder.confirm.required";

    private AuditPages() {}

    /** The order page; forms already in the model (a refused finding or invoice) are kept as typed. */
    static String detail(AuditOrders.View view, AuditViews views, Deciding deciding, Model model, Locale locale) {
        AuditViews.OrderView order = views.order(view, locale);
        model.addAttribute("order", order);
        model.addAttribute("history", views.history(view.history(), locale));
        model.addAttribute("findings", views.findings(view.findings(), locale));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("firms", order.mayAssign() ? deciding.firms() : List.of());
        if (!model.containsAttribute("findingForm")) {
            model.addAttribute("findingForm", FindingForm.empty());
        }
        if (!model.containsAttribute("invoiceForm")) {
            model.addAttribute("invoiceForm", TypedInvoice.empty());
        }
        return "audit/detail";
    }

    /**
     * A step of the order page: refused until the person ticked the confirmation (for the steps that move money
     * or end an order), otherwise taken; a refusal becomes the notice of the order page.
     */
    static String step(UUID id, boolean confirmed, RedirectAttributes redirect, String done, Runnable step) {
        try {
            if (!confirmed) {
                throw Refusal.invalid(CONFIRM);
            }
            step.run();
            redirect.addFlashAttribute("notice", done);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/audits/" + id;
    }
}
