package be.bolwerk.findings.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one imported file may hold ({@code bolwerk.findings.intake.*}); a larger file is refused before it is
 * parsed.
 *
 * @param maxFileSize the most bytes read from an upload (default 10MB; CodeQL's output for a small web app is
 *     0.6 MB)
 * @param maxRows the most CSV rows or SARIF results (default 5000)
 */
@ConfigurationProperties("bolwerk.findings.intake")
public record IntakeLimits(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("5000") int maxRows) {

    public IntakeLimits {
        if (maxFileSize == null || maxFileSize.toBytes() <= 0 || maxFileSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bolwerk.findings.intake.max-file-size must be between 1B and 2GB");
        }
        if (maxRows <= 0) {
            throw new IllegalArgumentException("bolwerk.findings.intake.max-rows must be positive");
        }
    }
}
