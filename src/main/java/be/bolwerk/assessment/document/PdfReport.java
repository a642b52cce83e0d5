package be.bolwerk.assessment.document;

import be.bolwerk.assessment.AssessmentExported;
import be.bolwerk.assessment.scoring.RadarLabels;
import be.bolwerk.assessment.scoring.Results;
import be.bolwerk.assessment.scoring.Spread;
import be.bolwerk.framework.FrameworkNode;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report a municipality hands to its council: cover, a summary in plain language, the work points in order
 * of priority (key measures first), then the detail: radar chart, scores per area, peers and the improvement
 * actions. Rendered from an XHTML template (assessment/report) to a tagged PDF (PDF/UA: structure tree,
 * document language, title) with the bundled DejaVu font, so every character a person typed prints and a
 * screen reader can follow the headings and tables. A report of an assessment not yet submitted says DRAFT at
 * the top of every page.
 */
@Component
public class PdfReport {

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final org.springframework.context.ApplicationContext application;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PdfReport(
            TemplateEngine templates,
            MessageSource messages,
            org.springframework.context.ApplicationContext application,
            Clock clock,
            ApplicationEventPublisher events) {
        this.templates = templates;
        this.application = application;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    public void write(
            Results results, String organisation, Map<UUID, String> memberNames, Locale locale, OutputStream out)
            throws IOException {
        Context context = new Context(locale);
        // The same @beans (date formats) as on the pages, outside a web request.
        context.setVariable(
                org.thymeleaf.spring6.expression.ThymeleafEvaluationContext
                        .THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(application, null));
        context.setVariable("results", results);
        context.setVariable("view", results.view());
        context.setVariable("organisation", organisation);
        context.setVariable("memberNames", memberNames);
        context.setVariable("generatedAt", clock.instant());
        List<FrameworkNode> areas = results.view().framework().areas();
        context.setVariable("radarNumbered", RadarLabels.numbered(areas));
        context.setVariable(
                "radar", "data:image/png;base64," + Base64.getEncoder().encodeToString(radar(results, locale)));
        String html = templates.process("assessment/report", context);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // Tagged PDF: structure tree, language (from the html element's lang) and title, for screen readers.
        builder.usePdfUaAccessibility(true);
        builder.useFont(
                () -> PdfReport.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                "DejaVu Sans",
                400,
                com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(
                () -> PdfReport.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                "DejaVu Sans",
                700,
                com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
        events.publishEvent(new AssessmentExported(
                results.view().assessment().assessmentId(),
                results.view().assessment().organisationId(),
                AssessmentExported.PDF,
                results.view().framework().title(),
                results.view().assessment().year(),
                results.view().assessment().isDraft()));
    }

    private byte[] radar(Results results, Locale locale) {
        List<FrameworkNode> areas = results.view().framework().areas();
        List<RadarImage.Series> series = new ArrayList<>();
        series.add(series(
                message("assessment.results.thisOne", locale),
                areas,
                ref -> results.view().scores().group(ref),
                RadarImage.THIS_ONE,
                false));
        results.previous()
                .ifPresent(previous -> series.add(series(
                        message("assessment.results.previous", locale),
                        areas,
                        ref -> previous.areas().get(ref),
                        RadarImage.PREVIOUS,
                        true)));
        if (results.peers().shown()) {
            series.add(series(
                    message("assessment.results.peerMedian", locale),
                    areas,
                    ref -> Optional.ofNullable(results.peers().areas().get(ref))
                            .map(Spread::median)
                            .orElse(null),
                    RadarImage.PEERS,
                    true));
        }
        return RadarImage.png(RadarLabels.of(areas), series);
    }

    private static RadarImage.Series series(
            String label, List<FrameworkNode> areas, Function<String, BigDecimal> score, Color colour, boolean dashed) {
        List<Double> values = new ArrayList<>();
        for (FrameworkNode area : areas) {
            BigDecimal value = score.apply(area.ref());
            values.add(value == null ? null : value.doubleValue());
        }
        return new RadarImage.Series(label, values, colour, dashed);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
