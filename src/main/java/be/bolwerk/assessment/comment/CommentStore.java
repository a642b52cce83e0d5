package be.bolwerk.assessment.comment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one class that writes {@code control_comment}; every query names the organisation. */
@Component
class CommentStore {

    /** A stored comment. */
    record Stored(UUID id, UUID authorId, String body, Instant createdAt) {}

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID organisationId, UUID assessmentId, String controlRef, UUID id, UUID author, String body, Instant at) {
        jdbc.sql("""
                        INSERT INTO control_comment (organisation_id, id, assessment_id, control_ref, author_id, body,
                            created_at)
                        VALUES (:org, :id, :assessment, :ref, :author, :body, :at)
                        """)
                .param("org", organisationId)
                .param("id", id)
                .param("assessment", assessmentId)
                .param("ref", controlRef)
                .param("author", author)
                .param("body", body)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The thread of one control, oldest first. */
    List<Stored> thread(UUID organisationId, UUID assessmentId, String controlRef) {
        return jdbc.sql("""
                        SELECT id, author_id, body, created_at FROM control_comment
                        WHERE organisation_id = :org AND assessment_id = :assessment AND control_ref = :ref
                        ORDER BY created_at, id
                        """)
                .param("org", organisationId)
                .param("assessment", assessmentId)
                .param("ref", controlRef)
                .query((rs, n) -> new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("body"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
