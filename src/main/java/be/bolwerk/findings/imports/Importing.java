package be.bolwerk.findings.imports;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.findings.event.group.FindingsImported;
import be.bolwerk.findings.intake.DateOrder;
import be.bolwerk.findings.intake.FindingFiles;
import be.bolwerk.findings.intake.IntakeResult;
import be.bolwerk.findings.intake.RepeatKey;
import be.bolwerk.findings.intake.RowError;
import be.bolwerk.findings.register.Access;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing a scanner file into an organisation's register, in two steps (ADR 0029). The upload is read within the
 * intake's limits and checked as a whole: a file with any wrong row (or an owner who is no active member) is shown
 * with its errors and kept nowhere. A valid file is kept on the server as a preview that says which rows are new and
 * which repeat a finding of the register. Confirming imports it once, in one transaction: new rows become findings
 * (source IMPORT, linked to the import), repeats update their finding ({@link Finding#seenAgain}). The API does both
 * steps in one call.
 */
@Service
public class Importing {

    static final String EXPIRED = "findings.import.expired";
    static final String WRONG_FORMAT = "findings.import.wrongFormat";
    static final String OWNER_NOT_MEMBER = "findings.import.row.ownerNotMember";
    static final String OWNER_GONE = "findings.import.ownerGone";
    static final String CVSS_TOO_LONG = "findings.import.row.cvssTooLong";

    /** The longest vector the register's column holds. */
    private static final int LONGEST_VECTOR = 200;

    /**
     * A row of the preview: what it brings, the finding it would update (null: a new finding), or the earlier line of
     * the same file with the same repeat key (then it is that row's finding, counted once; null otherwise).
     */
    public record PreviewRow(ImportRow row, FindingId repeatOf, Integer sameAsLine) {}

    /** One finding an import brought, as its result page lists it. */
    public record Brought(
            int line,
            FindingId findingId,
            String title,
            be.bolwerk.findings.Severity severity,
            be.bolwerk.findings.FindingStatus status,
            String affectedSystem,
            String outcome) {}

    /**
     * What an upload holds: valid (kept as {@code stored}, ready to confirm) or not (the errors, nothing kept).
     *
     * @param stored the kept import; null when the file has errors
     */
    public record Preview(FindingImport stored, List<PreviewRow> rows, List<RowError> errors, DateOrder dateOrder) {

        public boolean valid() {
            return errors.isEmpty();
        }

        public long repeats() {
            return rows.stream().filter(r -> r.repeatOf() != null).count();
        }

        public long fresh() {
            return rows.stream()
                    .filter(r -> r.repeatOf() == null && r.sameAsLine() == null)
                    .count();
        }
    }

    /** What a confirmation did; {@code before}: it had been imported already, nothing happened now. */
    public record Outcome(ImportId id, int created, int updated, boolean before) {}

    /** A file with wrong rows, refused as a whole by the API (422 with every row). */
    static final class FileRefused extends RuntimeException {

        private final transient List<RowError> errors;

        FileRefused(List<RowError> errors) {
            super("the file has wrong rows", null, false, false);
            this.errors = List.copyOf(errors);
        }

        List<RowError> errors() {
            return errors;
        }
    }

    private final FindingFiles files;
    private final ImportStore imports;
    private final FindingStore findings;
    private final Raising raising;
    private final SlaProfiles sla;
    private final OrganisationMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Importing(
            FindingFiles files,
            ImportStore imports,
            FindingStore findings,
            Raising raising,
            SlaProfiles sla,
            OrganisationMembers members,
            ApplicationEventPublisher events,
            Clock clock) {
        this.files = files;
        this.imports = imports;
        this.findings = findings;
        this.raising = raising;
        this.sla = sla;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reads an upload for the organisation (its members and admins only). A file that cannot be read as a whole is
     * refused with a {@link Refusal}; one with wrong rows comes back with its errors and is not kept; a valid one is
     * kept as a preview.
     */
    @Transactional
    public Preview preview(
            UUID organisationId,
            FindingImport.Format format,
            DateOrder order,
            String fileName,
            InputStream upload,
            CurrentUser user) {
        requireWriter(organisationId, user);
        Instant now = clock.instant();
        imports.deletePreviewsBefore(now.minus(FindingImport.PREVIEW_LIFETIME));
        MessageDigest sha = sha256();
        IntakeResult result;
        try (DigestInputStream in = new DigestInputStream(sniffed(upload, format), sha)) {
            result = format == FindingImport.Format.CSV
                    ? files.csv(in, order == null ? DateOrder.FROM_FILE : order)
                    : files.sarif(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!result.valid()) {
            return new Preview(null, List.of(), result.errors(), result.dateOrder());
        }
        Map<String, OrganisationMember> byAddress = members.active(organisationId).stream()
                .collect(Collectors.toMap(m -> m.email().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        List<RowError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        for (var candidate : result.candidates()) {
            OrganisationMember owner = null;
            if (candidate.ownerAddress() != null) {
                owner = byAddress.get(candidate.ownerAddress().toLowerCase(Locale.ROOT));
                if (owner == null) {
                    errors.add(new RowError(
                            candidate.line(), "Owner", OWNER_NOT_MEMBER, List.of(candidate.ownerAddress())));
                }
            }
            if (candidate.cvss() != null && candidate.cvss().text().length() > LONGEST_VECTOR) {
                errors.add(
                        new RowError(candidate.line(), null, CVSS_TOO_LONG, List.of(String.valueOf(LONGEST_VECTOR))));
            }
            rows.add(ImportRow.of(candidate, owner == null ? null : owner.accountId()));
        }
        if (!errors.isEmpty()) {
            return new Preview(null, List.of(), errors, result.dateOrder());
        }
        FindingImport kept = new FindingImport(
                new ImportId(UUID.randomUUID()),
                organisationId,
                user.id(),
                user.displayName(),
                format,
                fileName == null || fileName.isBlank() ? format.name().toLowerCase(Locale.ROOT) : fileName.strip(),
                HexFormat.of().formatHex(sha.digest()),
                result.dateOrder(),
                rows,
                FindingImport.Status.PREVIEWED,
                0,
                0,
                now,
                null);
        imports.insert(kept);
        return new Preview(kept, withRepeats(kept), List.of(), result.dateOrder());
    }

    /** A kept import as a member of its organisation sees it; another organisation's is not found. */
    @Transactional(readOnly = true)
    public Preview show(ImportId id, CurrentUser user) {
        FindingImport kept = load(id, user);
        return new Preview(kept, withRepeats(kept), List.of(), kept.dateOrder());
    }

    /** What an imported file brought, for its page. */
    @Transactional(readOnly = true)
    public List<Brought> brought(ImportId id, CurrentUser user) {
        FindingImport kept = load(id, user);
        return imports.items(kept.id(), kept.organisationId());
    }

    /** Whether the person may confirm imports of this organisation. */
    public boolean mayImport(UUID organisationId, CurrentUser user) {
        return new Access(user.roleIn(organisationId).orElse(null)).mayWork();
    }

    /**
     * Imports a previewed file once: the first confirmation claims the preview and stores every row in this
     * transaction; a second (double click, replayed POST) finds it imported and changes nothing.
     */
    @Transactional
    public Outcome confirm(ImportId id, CurrentUser user) {
        FindingImport kept = load(id, user);
        requireWriter(kept.organisationId(), user);
        Instant now = clock.instant();
        if (kept.status() == FindingImport.Status.IMPORTED || !imports.claim(kept.id(), now)) {
            FindingImport done = imports.find(id).orElseThrow(ImportNotFound::new);
            return new Outcome(id, done.created(), done.updated(), true);
        }
        if (kept.expiredAt(now)) {
            throw Refusal.conflict(EXPIRED);
        }
        UUID organisation = kept.organisationId();
        SlaProfile profile = sla.effective(organisation);
        LocalDate today = BelgianTime.today(clock);
        Actor by = Actor.of(user);
        int created = 0;
        int updated = 0;
        for (PreviewRow planned : withRepeats(kept)) {
            if (planned.sameAsLine() != null) {
                continue;
            }
            ImportRow row = planned.row();
            CvssVector cvss = row.cvssVector() == null ? null : CvssVector.parse(row.cvssVector());
            FindingId repeatOf = planned.repeatOf();
            if (repeatOf != null) {
                Finding finding = findings.find(repeatOf).orElseThrow();
                finding.seenAgain(
                        row.details(),
                        cvss == null ? null : cvss.text(),
                        cvss == null ? null : cvss.score(),
                        id.value(),
                        kept.fileName(),
                        by,
                        now);
                findings.update(finding);
                finding.events().forEach(events::publishEvent);
                imports.item(id, row.line(), organisation, repeatOf, false);
                updated++;
            } else {
                Finding finding = raising.raiseImported(
                        organisation,
                        new Finding.Origin(FindingSource.IMPORT, rowId(id, row), id.value()),
                        row.details(),
                        cvss,
                        profile,
                        today,
                        owner(organisation, row),
                        by);
                if (row.repeatKey() != null
                        && !findings.rememberKeys(finding, List.of(row.repeatKey()))
                                .isEmpty()) {
                    throw Refusal.conflict(Raising.IMPORTED_TWICE);
                }
                imports.item(id, row.line(), organisation, finding.id(), true);
                created++;
            }
        }
        imports.counted(id, created, updated);
        events.publishEvent(new FindingsImported(
                id.value(), organisation, kept.format().name(), kept.fileName(), created, updated));
        return new Outcome(id, created, updated, false);
    }

    /** Upload and confirmation in one transaction, for the API: a file with wrong rows stores nothing. */
    @Transactional
    public Outcome importAtOnce(
            UUID organisationId,
            FindingImport.Format format,
            DateOrder order,
            String fileName,
            InputStream upload,
            CurrentUser user) {
        Preview preview = preview(organisationId, format, order, fileName, upload, user);
        if (!preview.valid()) {
            throw new FileRefused(preview.errors());
        }
        return confirm(preview.stored().id(), user);
    }

    private FindingImport load(ImportId id, CurrentUser user) {
        FindingImport kept = imports.find(id).orElseThrow(ImportNotFound::new);
        user.roleIn(kept.organisationId()).orElseThrow(ImportNotFound::new);
        return kept;
    }

    private static void requireWriter(UUID organisationId, CurrentUser user) {
        if (!new Access(user.roleIn(organisationId).orElse(null)).mayWork()) {
            throw new AccessDeniedException("only the organisation's members and admins import findings");
        }
    }

    /**
     * Each row with what it will do. A row whose repeat key an earlier row of the file has is that row's finding
     * again (a scanner may report one result twice): only the first counts.
     */
    private List<PreviewRow> withRepeats(FindingImport kept) {
        Map<Integer, FindingId> repeats = repeats(kept);
        Map<RepeatKey, Integer> firstLine = new java.util.HashMap<>();
        List<PreviewRow> rows = new ArrayList<>();
        for (ImportRow row : kept.rows()) {
            Integer first = row.repeatKey() == null ? null : firstLine.putIfAbsent(row.repeatKey(), row.line());
            rows.add(new PreviewRow(row, first == null ? repeats.get(row.line()) : null, first));
        }
        return rows;
    }

    /**
     * The finding of the register each row repeats, by line: the one with an equal repeat key, else (a row without
     * a stable key, such as a Nikto line) the one this row brought when the very same file was imported before.
     */
    private Map<Integer, FindingId> repeats(FindingImport kept) {
        Map<RepeatKey, FindingId> byKey = findings.byRepeatKeys(kept.organisationId(), keys(kept.rows()));
        Map<Integer, FindingId> sameFile = imports.sameFileBefore(kept.organisationId(), kept.sha256(), kept.id());
        Map<Integer, FindingId> repeats = new java.util.HashMap<>();
        for (ImportRow row : kept.rows()) {
            FindingId found = row.repeatKey() == null ? null : byKey.get(row.repeatKey());
            if (found == null) {
                found = sameFile.get(row.line());
            }
            if (found != null) {
                repeats.put(row.line(), found);
            }
        }
        return repeats;
    }

    private static List<RepeatKey> keys(List<ImportRow> rows) {
        return rows.stream().map(ImportRow::repeatKey).filter(Objects::nonNull).toList();
    }

    /** The owner the preview found, still an active member; the import is refused when they left since. */
    private OrganisationMember owner(UUID organisation, ImportRow row) {
        if (row.ownerId() == null) {
            return null;
        }
        return members.activeMember(organisation, row.ownerId())
                .orElseThrow(() -> Refusal.conflict(OWNER_GONE, row.ownerAddress()));
    }

    /** The row's own id as the finding's source record: the same row of the same import is one finding. */
    private static UUID rowId(ImportId id, ImportRow row) {
        return UUID.nameUUIDFromBytes((id + ":" + row.line()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The upload, after a look at its first bytes: a CSV that is JSON (a SARIF file sent as CSV) is refused with a
     * sentence that says so, rather than with "no title column".
     */
    private static InputStream sniffed(InputStream upload, FindingImport.Format format) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload);
        in.mark(64);
        byte[] head = in.readNBytes(64);
        in.reset();
        String start =
                new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (format == FindingImport.Format.CSV && (start.startsWith("{") || start.startsWith("["))) {
            throw Refusal.invalid(WRONG_FORMAT + ".csv");
        }
        return in;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
