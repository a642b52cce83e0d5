package be.bolwerk.framework.imports;

import be.bolwerk.framework.FrameworkImported;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.shared.ImportRefused;
import be.bolwerk.shared.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports run in the background so a large catalog does not hold a request open; the page polls
 * {@link #status} for its progress bar. Progress is the share of the file read so far, kept in the database
 * so that any node can answer the poll. The framework is stored in one transaction at the end: a file that
 * fails anywhere leaves nothing behind.
 */
@Service
public class FrameworkImports {

    /** Which format the uploaded file is in. */
    public enum Kind {
        BOLWERK,
        OSCAL
    }

    /**
     * Where an import stands. {@code messageKey} and {@code detail} explain a failure; {@code kind} is null until
     * the file's format has been recognised.
     */
    public record Status(
            UUID id,
            String fileName,
            Kind kind,
            String state,
            long bytesTotal,
            long bytesRead,
            String messageKey,
            String detail,
            FrameworkVersionId frameworkId) {

        public boolean running() {
            return "RUNNING".equals(state);
        }

        public boolean failed() {
            return "FAILED".equals(state);
        }

        public int percent() {
            if (!running()) {
                return 100;
            }
            return bytesTotal <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / bytesTotal);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FrameworkImports.class);
    private static final long REPORT_EVERY = 128 * 1024;
    /** A node that died mid-import leaves its row running; after this long the page says so. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

    private final ImportJobs jobs;
    private final FrameworkFormat format;
    private final FormatDetection detection;
    private final Oscal oscal;
    private final FrameworkStore store;
    private final TaskExecutor executor;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FrameworkImports(
            ImportJobs jobs,
            FrameworkFormat format,
            FormatDetection detection,
            Oscal oscal,
            FrameworkStore store,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jobs = jobs;
        this.format = format;
        this.detection = detection;
        this.oscal = oscal;
        this.store = store;
        this.executor = executor;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts importing {@code file}, which this service then owns and deletes when done. Returns at once with
     * the id to poll. {@code kind} is what the caller says the file is, or null to recognise it from its content
     * (a mismatch is refused); {@code chosenCode}, when not blank, is the framework code the importer chose, so
     * that the file becomes a new version of that framework, or a framework of its own.
     */
    public UUID start(String fileName, Kind kind, Path file, String chosenCode, UUID importedBy) throws IOException {
        UUID id = UUID.randomUUID();
        long size = Files.size(file);
        String name = fileName == null || fileName.isBlank() ? "upload.json" : fileName.strip();
        String code = chosenCode == null || chosenCode.isBlank() ? null : chosenCode.strip();
        jobs.open(id, name.length() > 255 ? name.substring(0, 255) : name, kind, size, importedBy, clock.instant());
        executor.execute(() -> run(id, kind, file, code, importedBy));
        return id;
    }

    /** Starts importing a file the caller says is in {@code kind}, under the code the file itself gives. */
    public UUID start(String fileName, Kind kind, Path file, UUID importedBy) throws IOException {
        return start(fileName, kind, file, null, importedBy);
    }

    /** Whether a code the importer typed may name a framework (lower-case letters, digits, hyphens; 2 to 40). */
    public static boolean validCode(String code) {
        return FrameworkRules.validCode(code);
    }

    public Optional<Status> status(UUID id) {
        return jobs.find(id, clock.instant().minus(ABANDONED_AFTER));
    }

    /** A refused file is a trace worth keeping; the import runs in the background, so the event names the person. */
    private void refused(UUID id, String reason, Object[] arguments, UUID importedBy) {
        String fileName = jobs.fileName(id).orElse(null);
        events.publishEvent(
                new ImportRefused("framework import " + id, reason, List.of(arguments), fileName, null, importedBy));
    }

    private void run(UUID id, Kind claimed, Path file, String chosenCode, UUID importedBy) {
        try {
            Kind kind = detection.detect(file, claimed);
            jobs.recognised(id, kind);
            importFile(id, kind, file, chosenCode, importedBy);
        } catch (Refusal refused) {
            // A file is refused for the first rule it breaks, with one detail (a field, a ref, a position), so the
            // rules throw the shared Refusal with that one argument rather than collect a problem list. The
            // import runs in the background, so nothing answers the request with it: the key and the detail are
            // kept on the import row and the progress page renders them in the reader's language.
            refused(id, refused.messageKey(), refused.arguments(), importedBy);
            finish(id, "FAILED", refused.messageKey(), shorten(detailOf(refused)), null);
        } catch (IOException | RuntimeException unexpected) {
            log.error("Framework import {} failed", id, unexpected);
            refused(id, "framework.invalid.unexpected", new Object[0], importedBy);
            finish(id, "FAILED", "framework.invalid.unexpected", null, null);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete uploaded file of import {}", id);
            }
        }
    }

    /** Reads the file and stores it as a draft, in one transaction: a file that fails anywhere leaves nothing. */
    private void importFile(UUID id, Kind kind, Path file, String chosenCode, UUID importedBy) throws IOException {
        try (InputStream in = new Counting(Files.newInputStream(file), read -> progress(id, read))) {
            FrameworkDraft read = kind == Kind.OSCAL ? oscal.read(in, chosenCode) : format.read(in);
            FrameworkDraft draft =
                    kind == Kind.BOLWERK && chosenCode != null ? FrameworkRules.recode(read, chosenCode) : read;
            FrameworkSource source = kind == Kind.OSCAL ? FrameworkSource.OSCAL : FrameworkSource.IMPORTED;
            String fileName = jobs.fileName(id).orElse(null);
            transactions.executeWithoutResult(tx -> {
                FrameworkVersionId version = store.save(draft, source, FrameworkStatus.DRAFT, importedBy);
                finish(id, "DONE", null, null, version);
                events.publishEvent(
                        new FrameworkImported(version, draft.code(), draft.version(), source, importedBy, fileName));
            });
        }
    }

    private void progress(UUID id, long read) {
        jobs.progress(id, read);
    }

    private void finish(UUID id, String state, String key, String detail, FrameworkVersionId version) {
        jobs.finish(id, state, key, detail, version, clock.instant());
    }

    private static String detailOf(Refusal refused) {
        Object[] arguments = refused.arguments();
        return arguments.length == 0 || arguments[0] == null ? "" : arguments[0].toString();
    }

    private static String shorten(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
    }

    /** Reports how many bytes were read, every {@value #REPORT_EVERY} bytes. */
    private static final class Counting extends FilterInputStream {

        private final java.util.function.LongConsumer report;
        private long read;
        private long reported;

        Counting(InputStream in, java.util.function.LongConsumer report) {
            super(in);
            this.report = report;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read - reported >= REPORT_EVERY) {
                reported = read;
                report.accept(read);
            }
        }
    }
}
