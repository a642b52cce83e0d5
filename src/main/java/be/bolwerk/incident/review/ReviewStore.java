package be.bolwerk.incident.review;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.handling.Actor;
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

/**
 * The one class that writes an incident's root cause and lessons. Adopting a lesson is a conditional update on
 * {@code adopted_at IS NULL}: of a double click, or two people at once, exactly one adopts it.
 */
@Repository
class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RootCause> rootCause(IncidentId incident) {
        return jdbc.sql("SELECT root_cause, recorder_name, recorded_at FROM incident_review WHERE incident_id = :id")
                .param("id", incident.value())
                .query((rs, row) -> new RootCause(
                        rs.getString("root_cause"), rs.getString("recorder_name"), instant(rs, "recorded_at")))
                .optional();
    }

    /** Writes the root cause; a later one replaces it (the audit trail keeps that it was rewritten, and by whom). */
    void saveRootCause(IncidentId incident, UUID organisationId, String text, Actor by, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE incident_review SET root_cause = :text, recorded_by = :by, recorder_name = :name,
                            recorded_at = :at
                        WHERE incident_id = :id
                        """)
                .param("text", text)
                .param("by", by.id())
                .param("name", by.name())
                .param("at", utc(at))
                .param("id", incident.value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO incident_review (incident_id, organisation_id, root_cause, recorded_by,
                                recorder_name, recorded_at)
                            VALUES (:id, :org, :text, :by, :name, :at)
                            """)
                    .param("id", incident.value())
                    .param("org", organisationId)
                    .param("text", text)
                    .param("by", by.id())
                    .param("name", by.name())
                    .param("at", utc(at))
                    .update();
        }
    }

    List<Lesson> lessons(IncidentId incident) {
        return jdbc.sql("SELECT * FROM incident_lesson WHERE incident_id = :id ORDER BY created_at, id")
                .param("id", incident.value())
                .query((rs, row) -> lesson(rs))
                .list();
    }

    Optional<Lesson> lesson(IncidentId incident, UUID lessonId) {
        return jdbc.sql("SELECT * FROM incident_lesson WHERE incident_id = :incident AND id = :id")
                .param("incident", incident.value())
                .param("id", lessonId)
                .query((rs, row) -> lesson(rs))
                .optional();
    }

    void addLesson(
            IncidentId incident,
            UUID organisationId,
            UUID lessonId,
            String title,
            String detail,
            IncidentSeverity priority,
            Actor by,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO incident_lesson (id, incident_id, organisation_id, title, detail, priority,
                            created_by, creator_name, created_at)
                        VALUES (:id, :incident, :org, :title, :detail, :priority, :by, :name, :at)
                        """)
                .param("id", lessonId)
                .param("incident", incident.value())
                .param("org", organisationId)
                .param("title", title)
                .param("detail", detail)
                .param("priority", priority.name())
                .param("by", by.id())
                .param("name", by.name())
                .param("at", utc(at))
                .update();
    }

    /** Marks the lesson adopted; false when it already was (nothing written). */
    boolean adopt(IncidentId incident, UUID lessonId, Actor by, Instant at) {
        return jdbc.sql("""
                        UPDATE incident_lesson SET adopted_by = :by, adopter_name = :name, adopted_at = :at
                        WHERE incident_id = :incident AND id = :id AND adopted_at IS NULL
                        """)
                        .param("by", by.id())
                        .param("name", by.name())
                        .param("at", utc(at))
                        .param("incident", incident.value())
                        .param("id", lessonId)
                        .update()
                == 1;
    }

    private static Lesson lesson(ResultSet rs) throws SQLException {
        return new Lesson(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("detail"),
                IncidentSeverity.valueOf(rs.getString("priority")),
                rs.getString("creator_name"),
                instant(rs, "created_at"),
                rs.getString("adopter_name"),
                instant(rs, "adopted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
