package be.bolwerk.findings.imports;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.intake.DateOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one class that writes {@code finding_import} and {@code finding_import_item} (ADR 0002). Claiming an import is
 * a conditional update from PREVIEWED to IMPORTED: of two confirmations of the same preview (a double click, a
 * replayed POST, two nodes), exactly one gets it; the other waits for its commit and finds it imported.
 */
@Repository
class ImportStore {

    private static final TypeReference<List<ImportRow>> ROWS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(FindingImport i) {
        jdbc.sql("""
                        INSERT INTO finding_import (id, organisation_id, uploaded_by, uploader_name, format, file_name,
                            file_sha256, date_order, row_count, rows_json, status, created_at)
                        VALUES (:id, :org, :by, :byName, :format, :fileName, :sha, :dateOrder, :rowCount, :rows,
                            'PREVIEWED', :at)
                        """)
                .param("id", i.id().value())
                .param("org", i.organisationId())
                .param("by", i.uploadedBy())
                .param("byName", cut(i.uploaderName(), 200))
                .param("format", i.format().name())
                .param("fileName", cut(i.fileName(), 255))
                .param("sha", i.sha256())
                .param("dateOrder", i.dateOrder() == null ? null : i.dateOrder().name())
                .param("rowCount", i.rows().size())
                .param("rows", json.writeValueAsString(i.rows()))
                .param("at", utc(i.createdAt()))
                .update();
    }

    Optional<FindingImport> find(ImportId id) {
        return jdbc.sql("""
                        SELECT id, organisation_id, uploaded_by, uploader_name, format, file_name, file_sha256,
                            date_order, rows_json, status, created_count, updated_count, created_at, imported_at
                        FROM finding_import WHERE id = :id
                        """)
                .param("id", id.value())
                .query((rs, row) -> read(rs))
                .optional();
    }

    /** Moves the preview to IMPORTED; false when it was imported before (or is gone). */
    boolean claim(ImportId id, Instant at) {
        return jdbc.sql("UPDATE finding_import SET status = 'IMPORTED', imported_at = :at"
                                + " WHERE id = :id AND status = 'PREVIEWED'")
                        .param("id", id.value())
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    void counted(ImportId id, int created, int updated) {
        jdbc.sql("UPDATE finding_import SET created_count = :created, updated_count = :updated WHERE id = :id")
                .param("id", id.value())
                .param("created", created)
                .param("updated", updated)
                .update();
    }

    void item(ImportId id, int line, UUID organisationId, FindingId finding, boolean created) {
        jdbc.sql("""
                        INSERT INTO finding_import_item (import_id, line, organisation_id, finding_id, outcome)
                        VALUES (:id, :line, :org, :finding, :outcome)
                        """)
                .param("id", id.value())
                .param("line", line)
                .param("org", organisationId)
                .param("finding", finding.value())
                .param("outcome", created ? "CREATED" : "UPDATED")
                .update();
    }

    /** What the import brought, in the order of the file; the tenant predicate written out. */
    List<Importing.Brought> items(ImportId id, UUID organisationId) {
        return jdbc.sql("""
                        SELECT i.line, i.finding_id, i.outcome, f.title, f.severity, f.status, f.affected_system
                        FROM finding_import_item i JOIN finding f ON f.id = i.finding_id
                        WHERE i.import_id = :id AND i.organisation_id = :org AND f.organisation_id = :org
                        ORDER BY i.line
                        """)
                .param("id", id.value())
                .param("org", organisationId)
                .query((rs, row) -> new Importing.Brought(
                        rs.getInt("line"),
                        new FindingId(rs.getObject("finding_id", UUID.class)),
                        rs.getString("title"),
                        Severity.valueOf(rs.getString("severity")),
                        FindingStatus.valueOf(rs.getString("status")),
                        rs.getString("affected_system"),
                        rs.getString("outcome")))
                .list();
    }

    /**
     * The findings the last earlier import of the very same file (equal SHA-256) brought, by line: a row without a
     * repeat key is recognised by its place in the same file.
     */
    java.util.Map<Integer, FindingId> sameFileBefore(UUID organisationId, String sha256, ImportId except) {
        java.util.Map<Integer, FindingId> byLine = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT i.line, i.finding_id FROM finding_import_item i
                        JOIN finding_import fi ON fi.id = i.import_id
                        WHERE fi.organisation_id = :org AND fi.file_sha256 = :sha AND fi.status = 'IMPORTED'
                          AND fi.id <> :except AND i.organisation_id = :org
                        ORDER BY fi.imported_at, fi.id
                        """)
                .param("org", organisationId)
                .param("sha", sha256)
                .param("except", except.value())
                .query((rs, row) ->
                        byLine.put(rs.getInt("line"), new FindingId(rs.getObject("finding_id", UUID.class))))
                .list();
        return byLine;
    }

    /** Forgets previews nobody confirmed in time; imported ones stay as the record of what they brought. */
    int deletePreviewsBefore(Instant before) {
        return jdbc.sql("DELETE FROM finding_import WHERE status = 'PREVIEWED' AND created_at < :before")
                .param("before", utc(before))
                .update();
    }

    private FindingImport read(ResultSet rs) throws SQLException {
        String order = rs.getString("date_order");
        OffsetDateTime imported = rs.getObject("imported_at", OffsetDateTime.class);
        return new FindingImport(
                new ImportId(rs.getObject("id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("uploaded_by", UUID.class),
                rs.getString("uploader_name"),
                FindingImport.Format.valueOf(rs.getString("format")),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                order == null ? null : DateOrder.valueOf(order),
                json.readValue(rs.getString("rows_json"), ROWS),
                FindingImport.Status.valueOf(rs.getString("status")),
                rs.getInt("created_count"),
                rs.getInt("updated_count"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                imported == null ? null : imported.toInstant());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
