package be.bolwerk.incident.playbook;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
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

/** The one class that writes an incident's tasks and which playbooks it got (ADR 0002). */
@Repository
class TaskStore {

    private static final String COLUMNS = """
            id, incident_id, organisation_id, position, title, description, side, assignee_name, due_at, done_at,
            done_by_name""";

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the playbook of the category as applied; false when it was before (then nothing is to be copied). */
    boolean markApplied(IncidentId incident, IncidentCategory category, Instant now) {
        return jdbc.sql("""
                                INSERT INTO incident_playbook_applied (incident_id, category, applied_at)
                                VALUES (:id, :category, :at) ON CONFLICT DO NOTHING
                                """)
                        .param("id", incident.value())
                        .param("category", category.name())
                        .param("at", now.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    boolean anyApplied(IncidentId incident) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_playbook_applied WHERE incident_id = :id")
                        .param("id", incident.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<IncidentCategory> applied(IncidentId incident) {
        return jdbc.sql("SELECT category FROM incident_playbook_applied WHERE incident_id = :id")
                .param("id", incident.value())
                .query((rs, row) -> IncidentCategory.valueOf(rs.getString("category")))
                .list();
    }

    void insert(IncidentTask task, IncidentCategory category) {
        jdbc.sql("""
                        INSERT INTO incident_task (id, incident_id, organisation_id, category, position, title,
                            description, side, due_at, revision)
                        SELECT :id, :incident, :org, :category, COALESCE(MAX(position), 0) + 1, :title, :description,
                            :side, :due, 0
                        FROM incident_task WHERE incident_id = :incident
                        """)
                .param("id", task.id())
                .param("incident", task.incidentId().value())
                .param("org", task.organisationId())
                .param("category", category.name())
                .param("title", task.title())
                .param("description", task.description())
                .param("side", task.side().name())
                .param("due", task.dueAt() == null ? null : task.dueAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<IncidentTask> of(IncidentId incident) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_task WHERE incident_id = :id ORDER BY position")
                .param("id", incident.value())
                .query((rs, row) -> task(rs))
                .list();
    }

    Optional<IncidentTask> find(IncidentId incident, UUID taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_task WHERE id = :task AND incident_id = :id")
                .param("task", taskId)
                .param("id", incident.value())
                .query((rs, row) -> task(rs))
                .optional();
    }

    /** Ticks the task done if it is not; false when it already was (someone else was quicker). */
    boolean done(UUID taskId, UUID by, String byName, Instant at) {
        return jdbc.sql("""
                                UPDATE incident_task SET done_at = :at, done_by_id = :by, done_by_name = :name,
                                    revision = revision + 1
                                WHERE id = :id AND done_at IS NULL
                                """)
                        .param("id", taskId)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .param("by", by)
                        .param("name", byName == null || byName.length() <= 200 ? byName : byName.substring(0, 200))
                        .update()
                == 1;
    }

    /** Opens a done task again; false when it was not done. */
    boolean undo(UUID taskId) {
        return jdbc.sql("""
                                UPDATE incident_task SET done_at = NULL, done_by_id = NULL, done_by_name = NULL,
                                    revision = revision + 1
                                WHERE id = :id AND done_at IS NOT NULL
                                """).param("id", taskId).update() == 1;
    }

    private static IncidentTask task(ResultSet rs) throws SQLException {
        return new IncidentTask(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                Side.valueOf(rs.getString("side")),
                rs.getString("assignee_name"),
                instant(rs, "due_at"),
                instant(rs, "done_at"),
                rs.getString("done_by_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
