package be.bolwerk.findings.intake;

import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An upload read into memory no further than the limit, then decoded as strict UTF-8 with an optional byte order
 * mark: a file in another encoding is refused instead of being read with wrong letters.
 */
final class FileText {

    private FileText() {}

    /** The bytes of {@code in}, refused as too large once more than {@code max} arrive. */
    static byte[] read(InputStream in, long max) {
        try {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw Refusal.invalid("findings.intake.tooLarge", megabytes(max));
            }
            if (bytes.length == 0) {
                throw Refusal.invalid("findings.intake.empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} as text, without a leading UTF-8 byte order mark. */
    static String utf8(byte[] bytes) {
        int start = hasBom(bytes) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw Refusal.invalid("findings.intake.notUtf8");
        }
    }

    /** {@code bytes} without a leading UTF-8 byte order mark (Jackson reads the rest and checks UTF-8 itself). */
    static byte[] withoutBom(byte[] bytes) {
        return hasBom(bytes) ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
