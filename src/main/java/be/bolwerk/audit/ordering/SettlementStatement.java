package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditOrderNotFound;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.Money;
import be.bolwerk.shared.security.CurrentUser;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The settlement statement of a completed audit: the invoice, the budget line it was paid from, the programme's
 * share and the organisations' (each partner's part of a joint order), as a tagged PDF (structure tree, document
 * language, title) like the council report, so a screen reader can follow it. Anyone who may see the order may
 * download it: it holds money, not findings.
 */
@Component
public class SettlementStatement {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final OrderSteps steps;
    private final Funding funding;
    private final TemplateEngine templates;
    private final Clock clock;

    SettlementStatement(OrderSteps steps, Funding funding, TemplateEngine templates, Clock clock) {
        this.steps = steps;
        this.funding = funding;
        this.templates = templates;
        this.clock = clock;
    }

    /** The order's reference, for the file name; the order must be completed. */
    @Transactional(readOnly = true)
    public String write(AuditOrderId id, CurrentUser user, Locale locale, OutputStream out) throws IOException {
        AuditOrder order = steps.load(id, steps.viewer(user));
        if (order.status() != AuditStatus.COMPLETED) {
            throw new AuditOrderNotFound();
        }
        BudgetLineSummary line = funding.line(order.request().line()).orElseThrow(AuditOrderNotFound::new);
        Context context = new Context(locale);
        context.setVariable("order", order);
        context.setVariable("line", line.name());
        context.setVariable("basis", line.sharesIncludeVat() ? "auditOrder.basis.total" : "auditOrder.basis.excl");
        context.setVariable("amounts", amounts(order));
        context.setVariable("invoiceDate", DAY.format(order.invoice().date()));
        context.setVariable("supplier", order.invoice().supplier().formatted());
        context.setVariable("generatedOn", DAY.format(be.bolwerk.shared.BelgianTime.today(clock)));
        String html = templates.process("audit/statement", context);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(
                () -> SettlementStatement.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                "DejaVu Sans",
                400,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(
                () -> SettlementStatement.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                "DejaVu Sans",
                700,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
        return order.reference();
    }

    /** The figures as printed, in euros: the invoice, and who pays what of it. */
    private static Map<String, String> amounts(AuditOrder order) {
        Map<String, String> amounts = new LinkedHashMap<>();
        amounts.put("excl", Money.euro(order.invoice().amountExcludingVat()));
        amounts.put("vat", Money.euro(order.invoice().vat()));
        amounts.put("total", Money.euro(order.invoice().total()));
        amounts.put("programme", Money.euro(order.programmePaid()));
        // The same split as the preview: the partner's half rounded half-even, the ordering organisation the rest.
        Quote.Parts parts = Quote.Parts.of(order.invoice().total(), order.programmePaid(), order.partnerId() != null);
        amounts.put("organisations", Money.euro(order.organisationPaid()));
        amounts.put("own", Money.euro(parts.organisation()));
        amounts.put("partner", Money.euro(parts.partner()));
        amounts.put("reserved", order.reserved() == null ? "" : Money.euro(order.reserved()));
        return amounts;
    }
}
