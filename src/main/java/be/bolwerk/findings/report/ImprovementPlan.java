package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The improvement plan ("verbeterplan") of one organisation for its council, as a tagged PDF (PDF/UA: structure
 * tree, document language, title and description) like the assessment report: the organisation and the date, the
 * counts by severity and status, the burn-down figures as a table, the share closed within the SLA, and the open
 * findings by due date with owner, status and planned date. No descriptions: the council follows the plan, the
 * details stay in the register.
 */
@Component
class ImprovementPlan {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final TemplateEngine templates;

    ImprovementPlan(TemplateEngine templates) {
        this.templates = templates;
    }

    void write(Reports.Plan plan, Locale locale, OutputStream out) {
        Context context = new Context(locale);
        context.setVariable("plan", plan);
        context.setVariable("figures", plan.figures());
        context.setVariable("generatedOn", DAY.format(plan.figures().today()));
        context.setVariable("severities", Severity.values());
        context.setVariable("statuses", FindingStatus.values());
        context.setVariable("day", new Days());
        String html = templates.process("findings/plan", context);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(
                () -> ImprovementPlan.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                "DejaVu Sans",
                400,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(
                () -> ImprovementPlan.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                "DejaVu Sans",
                700,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Dates as the plan prints them, for the template. */
    record Days() {

        public String of(LocalDate date) {
            return date == null ? "" : DAY.format(date);
        }
    }
}
