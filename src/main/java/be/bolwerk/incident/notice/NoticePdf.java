package be.bolwerk.incident.notice;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A draft as a tagged PDF (PDF/UA, like the improvement plan), printed from the very text of the text file: one
 * paragraph per line, the first (the TLP label) as a marking on top. Nothing else is rendered, so the two exports
 * never differ.
 */
@Component
public class NoticePdf {

    private final TemplateEngine templates;

    NoticePdf(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] of(String title, String text) {
        Context context = new Context(Locale.forLanguageTag("nl"));
        String[] lines = text.split("\n", -1);
        context.setVariable("title", title);
        context.setVariable("marking", lines[0]);
        context.setVariable("lines", java.util.Arrays.asList(lines).subList(1, lines.length));
        String html = templates.process("incident/notice-pdf", context);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(
                () -> NoticePdf.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                "DejaVu Sans",
                400,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(
                () -> NoticePdf.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                "DejaVu Sans",
                700,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.withHtmlContent(html, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
