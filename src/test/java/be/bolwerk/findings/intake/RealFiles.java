package be.bolwerk.findings.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real scanner files copied into {@code src/test/resources/findings/} (DefectDojo's unit-test files,
 * BSD-3-Clause, licence and origin beside them), and the reader as the application configures it.
 */
final class RealFiles {

    static final IntakeLimits LIMITS = new IntakeLimits(DataSize.ofMegabytes(10), 5000);

    private RealFiles() {}

    static FindingFiles reader() {
        return reader(LIMITS);
    }

    static FindingFiles reader(IntakeLimits limits) {
        return new FindingFiles(JsonMapper.builder().build(), limits);
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = RealFiles.class.getResourceAsStream("/findings/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test file missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
