package be.bolwerk.engagement.work;

import be.bolwerk.shared.PdfContent;
import be.bolwerk.shared.Refusal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The files an engagement accepts, checked by their content and never by the name a browser sends: consents
 * are PDFs that PDFBox can open (first bytes alone would let any file with a PDF header through), evidence is a
 * PDF, a PNG or JPEG screenshot or a UTF-8 text file (a log excerpt). Both up to {@value #MAX_BYTES} bytes.
 */
public final class Files {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** A checked file: its cleaned name and its real content type. */
    public record Checked(String name, String contentType) {}

    private static final Map<String, byte[]> IMAGES = Map.of(
            "png", new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47},
            "jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
            "jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    private Files() {}

    /** A consent document: a PDF that opens. */
    public static Checked consent(String fileName, byte[] content) {
        String name = cleanName(fileName);
        size(content);
        if (!"pdf".equals(extension(name)) || !isPdf(content)) {
            throw Refusal.invalid("engagement.file.pdfOnly");
        }
        return new Checked(name, "application/pdf");
    }

    /** Evidence of a finding: a PDF, a PNG or JPEG image, or a text file. */
    public static Checked evidence(String fileName, byte[] content) {
        String name = cleanName(fileName);
        size(content);
        String extension = extension(name);
        if ("pdf".equals(extension)) {
            if (!isPdf(content)) {
                throw Refusal.invalid("engagement.file.content");
            }
            return new Checked(name, "application/pdf");
        }
        if (IMAGES.containsKey(extension)) {
            byte[] magic = IMAGES.get(extension);
            if (content.length < magic.length || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)) {
                throw Refusal.invalid("engagement.file.content");
            }
            return new Checked(name, "png".equals(extension) ? "image/png" : "image/jpeg");
        }
        if ("txt".equals(extension) || "log".equals(extension)) {
            if (!isText(content)) {
                throw Refusal.invalid("engagement.file.content");
            }
            return new Checked(name, "text/plain");
        }
        throw Refusal.invalid("engagement.file.type");
    }

    private static void size(byte[] content) {
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw Refusal.invalid("engagement.file.size", MAX_BYTES / (1024 * 1024));
        }
    }

    private static boolean isPdf(byte[] content) {
        return PdfContent.isPdf(content);
    }

    private static boolean isText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.indexOf('\u0000') < 0;
        } catch (CharacterCodingException binary) {
            return false;
        }
    }

    private static String extension(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** The last part of the name, without control and path characters, at most 200 characters. */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"<>|:*?;]", "")
                .strip();
        if (base.isEmpty()) {
            base = "bestand";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
