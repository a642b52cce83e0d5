package be.bolwerk.findings.intake;

import java.io.InputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded findings file into candidates or row errors (ADR 0027). A file that cannot be read as a
 * whole (too large, too many rows, not UTF-8, no title column, not JSON, not SARIF 2.1.0) is refused with a
 * {@link be.bolwerk.shared.Refusal}; a file that can be read but has wrong rows gives those rows and no
 * candidates. Nothing is stored here: the importer shows the result, and imports only a valid one. The caller
 * closes the stream.
 */
@Component
public class FindingFiles {

    private final JsonMapper mapper;
    private final IntakeLimits limits;

    FindingFiles(JsonMapper mapper, IntakeLimits limits) {
        this.mapper = mapper;
        this.limits = limits;
    }

    /** A generic findings CSV, its dates of the form 05/06/2021 read in {@code order}. */
    public IntakeResult csv(InputStream file, DateOrder order) {
        String text = FileText.utf8(FileText.read(file, limits.maxFileSize().toBytes()));
        return CsvFindings.read(text, order, limits.maxRows());
    }

    /** A SARIF 2.1.0 log. */
    public IntakeResult sarif(InputStream file) {
        byte[] bytes = FileText.read(file, limits.maxFileSize().toBytes());
        FileText.utf8(bytes);
        return SarifFindings.read(FileText.withoutBom(bytes), mapper, limits.maxRows());
    }
}
