package be.bolwerk.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether an uploaded file is a PDF, decided by its content and never by the name or type a browser sends: it starts
 * like one and PDFBox opens it with at least one page (the first bytes alone would let any file with a PDF header
 * through). The one check for every PDF upload: the audit report, engagement consents and evidence, and a risk
 * acceptance's proof.
 */
public final class PdfContent {

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PdfContent() {}

    public static boolean isPdf(byte[] content) {
        if (content == null
                || content.length < HEADER.length
                || !Arrays.equals(Arrays.copyOf(content, HEADER.length), HEADER)) {
            return false;
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            return document.getNumberOfPages() > 0;
        } catch (IOException notAPdf) {
            return false;
        }
    }
}
