package be.bolwerk.framework.imports;

import be.bolwerk.framework.FrameworkVersionId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one class that writes {@code framework_import}: the progress and outcome of background imports, kept in
 * the database so that any node can answer the page's poll. A JdbcClient store, not a repository: the reader
 * thread reports progress many times a second with an update that only applies while the job still runs
 * ({@code AND status = 'RUNNING'}), so a late progress report can never reopen a finished job, which saving a
 * whole loaded row could.
 */
@Component
class ImportJobs {

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(UUID id, String fileName, FrameworkImports.Kind kind, long size, UUID by, Instant now) {
        jdbc.sql("""
                        INSERT INTO framework_import (id, file_name, kind, status, bytes_total, bytes_read, created_by,
                            created_at)
                        VALUES (:id, :name, :kind, 'RUNNING', :size, 0, :by, :now)
                        """)
                .param("id", id)
                .param("name", fileName)
                .param("kind", kind == null ? null : kind.name())
                .param("size", size)
                .param("by", by)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The format, once recognised from the file's content. */
    void recognised(UUID id, FrameworkImports.Kind kind) {
        jdbc.sql("UPDATE framework_import SET kind = :kind WHERE id = :id")
                .param("kind", kind.name())
                .param("id", id)
                .update();
    }

    void progress(UUID id, long read) {
        jdbc.sql("UPDATE framework_import SET bytes_read = :read WHERE id = :id AND status = 'RUNNING'")
                .param("read", read)
                .param("id", id)
                .update();
    }

    void finish(UUID id, String state, String key, String detail, FrameworkVersionId version, Instant now) {
        jdbc.sql("""
                        UPDATE framework_import
                        SET status = :state, message = :key, detail = :detail, framework_version_id = :version,
                            bytes_read = bytes_total, finished_at = :now
                        WHERE id = :id
                        """)
                .param("state", state)
                .param("key", key)
                .param("detail", detail)
                .param("version", version == null ? null : version.value())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    Optional<String> fileName(UUID id) {
        return jdbc.sql("SELECT file_name FROM framework_import WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * Where the import stands. A job still running that started before {@code abandonedBefore} belonged to a
     * node that died: it is reported as failed.
     */
    Optional<FrameworkImports.Status> find(UUID id, Instant abandonedBefore) {
        return jdbc.sql("SELECT * FROM framework_import WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> {
                    String state = rs.getString("status");
                    String key = rs.getString("message");
                    Instant started =
                            rs.getObject("created_at", OffsetDateTime.class).toInstant();
                    if ("RUNNING".equals(state) && started.isBefore(abandonedBefore)) {
                        state = "FAILED";
                        key = "framework.invalid.abandoned";
                    }
                    UUID framework = rs.getObject("framework_version_id", UUID.class);
                    return new FrameworkImports.Status(
                            id,
                            rs.getString("file_name"),
                            rs.getString("kind") == null ? null : FrameworkImports.Kind.valueOf(rs.getString("kind")),
                            state,
                            rs.getLong("bytes_total"),
                            rs.getLong("bytes_read"),
                            key,
                            rs.getString("detail"),
                            framework == null ? null : FrameworkVersionId.of(framework));
                })
                .optional();
    }
}
