package be.bolwerk.findings.imports;

import be.bolwerk.findings.intake.DateOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One uploaded file of an organisation: parsed once, previewed, imported at most once. The rows are what the file
 * held when it was read, so the confirmation stores what the preview showed, never what a browser sends back.
 */
public record FindingImport(
        ImportId id,
        UUID organisationId,
        UUID uploadedBy,
        String uploaderName,
        Format format,
        String fileName,
        String sha256,
        DateOrder dateOrder,
        List<ImportRow> rows,
        Status status,
        int created,
        int updated,
        Instant createdAt,
        Instant importedAt) {

    /** How long a preview waits for its confirmation; older ones are deleted with the next upload. */
    static final Duration PREVIEW_LIFETIME = Duration.ofHours(24);

    public enum Format {
        CSV,
        SARIF
    }

    public enum Status {
        PREVIEWED,
        IMPORTED
    }

    public FindingImport {
        rows = List.copyOf(rows);
    }

    boolean expiredAt(Instant now) {
        return status == Status.PREVIEWED && createdAt.plus(PREVIEW_LIFETIME).isBefore(now);
    }
}
