package be.bolwerk.assessment.evidence;

import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.microsoft.ooxml.OPCPackageDetector;
import org.apache.tika.detect.zip.DefaultZipContainerDetector;
import org.apache.tika.detect.zip.OpenDocumentDetector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence for answers: files from an allow-list (checked by their content, not by the name a browser
 * sends: first bytes, and for zip-based office files the entries that make them one) up to {@value #MAX_BYTES} bytes, or http(s) links. Stored in the database; served as attachments.
 */
@Component
public class Evidence {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_PER_CONTROL = 20;

    /** What a person sees in the list. */
    public record Item(
            UUID id,
            String controlRef,
            String kind,
            String name,
            String url,
            Long size,
            Instant uploadedAt,
            boolean carriedOver) {

        public boolean file() {
            return "FILE".equals(kind);
        }
    }

    /** A stored file to send back. */
    public record Download(String name, String contentType, byte[] content) {}

    /** The allowed types: extension, content type, and a check of the first bytes. */
    private record Type(String contentType, byte[] magic) {}

    private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
    private static final Map<String, Type> TYPES = Map.of(
            "pdf", new Type("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
            "png", new Type("image/png", new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47}),
            "jpg", new Type("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
            "jpeg", new Type("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
            "docx", new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
            "xlsx", new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
            "odt", new Type("application/vnd.oasis.opendocument.text", ZIP),
            "ods", new Type("application/vnd.oasis.opendocument.spreadsheet", ZIP),
            "txt", new Type("text/plain", null),
            "csv", new Type("text/csv", null));

    /** Only the two container formats on the allow-list; not Tika's whole set, loaded by class path scanning. */
    private static final Detector CONTAINERS =
            new DefaultZipContainerDetector(List.of(new OPCPackageDetector(), new OpenDocumentDetector()));

    private final JdbcClient jdbc;
    private final Clock clock;

    Evidence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static List<String> allowedExtensions() {
        return TYPES.keySet().stream().sorted().toList();
    }

    void addFile(Assessment assessment, String ref, String originalName, byte[] content, UUID by) {
        String name = cleanName(originalName);
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Type type = TYPES.get(extension);
        if (type == null) {
            throw Refusal.invalid("assessment.evidence.type");
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw Refusal.invalid("assessment.evidence.size");
        }
        boolean matches = type.magic() == null
                ? isText(content)
                : content.length >= type.magic().length
                        && Arrays.equals(Arrays.copyOf(content, type.magic().length), type.magic());
        if (!matches || (type.magic() == ZIP && !type.contentType().equals(containerType(content)))) {
            throw Refusal.invalid("assessment.evidence.content");
        }
        insert(assessment, ref, "FILE", name, type.contentType(), (long) content.length, content, null, by);
    }

    /**
     * Office and OpenDocument files are zip archives, so their first bytes say only "zip": any zip, or a zip
     * with a web page in it, would pass. Tika's container detectors name the real type from the archive's
     * directory and its small descriptive entries (the content types and relations of an Office file, the
     * {@code mimetype} entry of an OpenDocument file); nothing is extracted. They read from a file, not from
     * the stream: on a file only the directory is read and POI opens the package with its zip-bomb limits,
     * whereas streaming would inflate every entry it passes (a 1 GB entry took seconds). Anything they cannot
     * read is no office file.
     */
    static String containerType(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("bolwerk-evidence-", ".bin");
            Files.write(file, content);
            try (TikaInputStream in = TikaInputStream.get(file)) {
                return CONTAINERS.detect(in, new Metadata()).getBaseType().toString();
            }
        } catch (IOException | RuntimeException unreadable) {
            return MediaType.OCTET_STREAM.toString();
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    void addLink(Assessment assessment, String ref, String title, String url, UUID by) {
        String link = url == null ? "" : url.strip();
        try {
            URI uri = new URI(link);
            if (link.length() > 2000
                    || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw Refusal.invalid("assessment.evidence.link");
            }
        } catch (URISyntaxException malformed) {
            throw Refusal.invalid("assessment.evidence.link");
        }
        String name = title == null || title.isBlank() ? link : title.strip();
        insert(
                assessment,
                ref,
                "LINK",
                name.length() > 255 ? name.substring(0, 255) : name,
                null,
                null,
                null,
                link,
                by);
    }

    List<Item> of(Assessment assessment) {
        return jdbc.sql("""
                        SELECT id, control_ref, kind, name, url, size_bytes, uploaded_at, carried_from
                        FROM assessment_evidence
                        WHERE organisation_id = :org AND assessment_id = :id ORDER BY uploaded_at, name
                        """)
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .query((rs, n) -> new Item(
                        rs.getObject("id", UUID.class),
                        rs.getString("control_ref"),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getString("url"),
                        (Long) rs.getObject("size_bytes", Long.class),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("carried_from", UUID.class) != null))
                .list();
    }

    Optional<Download> file(Assessment assessment, UUID evidenceId) {
        return jdbc.sql("""
                        SELECT e.name, e.content_type, COALESCE(e.content, source.content) AS content
                        FROM assessment_evidence e
                        LEFT JOIN assessment_evidence source
                            ON source.organisation_id = e.organisation_id AND source.id = e.carried_from
                        WHERE e.organisation_id = :org AND e.assessment_id = :assessment AND e.id = :id
                            AND e.kind = 'FILE'
                        """)
                .param("org", assessment.organisationId())
                .param("assessment", assessment.id())
                .param("id", evidenceId)
                .query((rs, n) ->
                        new Download(rs.getString("name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** The control the evidence belongs to, for the access check; empty when it is not this assessment's. */
    Optional<String> controlOf(Assessment assessment, UUID evidenceId) {
        return jdbc.sql("""
                        SELECT control_ref FROM assessment_evidence
                        WHERE organisation_id = :org AND assessment_id = :assessment AND id = :id
                        """)
                .param("org", assessment.organisationId())
                .param("assessment", assessment.id())
                .param("id", evidenceId)
                .query(String.class)
                .optional();
    }

    /**
     * Takes the evidence of carried-over answers into the new assessment under their new refs. A file row
     * points at the row that holds the bytes ({@code carried_from}, always the original, so chains over several
     * years stay one step deep) and holds none itself; the earlier assessment is submitted, so that row stays.
     */
    void carryOver(UUID organisationId, UUID from, UUID to, Map<String, String> refs) {
        record Old(UUID id, String ref, UUID source) {}
        List<Old> old = jdbc.sql("""
                        SELECT id, control_ref, carried_from FROM assessment_evidence
                        WHERE organisation_id = :org AND assessment_id = :from
                        ORDER BY uploaded_at, name
                        """)
                .param("org", organisationId)
                .param("from", from)
                .query((rs, n) -> new Old(
                        rs.getObject("id", UUID.class),
                        rs.getString("control_ref"),
                        rs.getObject("carried_from", UUID.class)))
                .list();
        for (Old item : old) {
            String ref = refs.get(item.ref());
            if (ref == null) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO assessment_evidence (organisation_id, id, assessment_id, control_ref, kind, name,
                                content_type, size_bytes, content, url, uploaded_by, uploaded_at, carried_from)
                            SELECT organisation_id, :newId, :to, :ref, kind, name, content_type, size_bytes, NULL, url,
                                uploaded_by, uploaded_at, :source
                            FROM assessment_evidence WHERE organisation_id = :org AND id = :id
                            """)
                    .param("newId", UUID.randomUUID())
                    .param("to", to)
                    .param("ref", ref)
                    .param("source", item.source() == null ? item.id() : item.source())
                    .param("org", organisationId)
                    .param("id", item.id())
                    .update();
        }
    }

    void remove(Assessment assessment, UUID evidenceId) {
        jdbc.sql(
                        "DELETE FROM assessment_evidence WHERE organisation_id = :org AND assessment_id = :assessment AND id = :id")
                .param("org", assessment.organisationId())
                .param("assessment", assessment.id())
                .param("id", evidenceId)
                .update();
    }

    private void insert(
            Assessment assessment,
            String ref,
            String kind,
            String name,
            String contentType,
            Long size,
            byte[] content,
            String url,
            UUID by) {
        long existing = jdbc.sql("""
                        SELECT COUNT(*) FROM assessment_evidence
                        WHERE organisation_id = :org AND assessment_id = :id AND control_ref = :ref
                        """)
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .param("ref", ref)
                .query(Long.class)
                .single();
        if (existing >= MAX_PER_CONTROL) {
            throw Refusal.invalid("assessment.evidence.tooMany");
        }
        jdbc.sql("""
                        INSERT INTO assessment_evidence (organisation_id, id, assessment_id, control_ref, kind, name,
                            content_type, size_bytes, content, url, uploaded_by, uploaded_at)
                        VALUES (:org, :id, :assessment, :ref, :kind, :name, :type, :size, :content, :url, :by, :at)
                        """)
                .param("org", assessment.organisationId())
                .param("id", UUID.randomUUID())
                .param("assessment", assessment.id())
                .param("ref", ref)
                .param("kind", kind)
                .param("name", name)
                .param("type", contentType)
                .param("size", size)
                .param("content", content)
                .param("url", url)
                .param("by", by)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Only the last path segment, without control characters or quotes, at most 200 characters. */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"<>|:*?]", "")
                .strip();
        if (base.isEmpty()) {
            base = "bestand";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
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
}
