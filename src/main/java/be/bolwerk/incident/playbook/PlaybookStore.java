package be.bolwerk.incident.playbook;

import be.bolwerk.incident.IncidentCategory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one class that writes the playbooks' task templates (ADR 0002). */
@Repository
class PlaybookStore {

    private static final String COLUMNS = "id, category, position, title, description, side, due_hours";

    private final JdbcClient jdbc;

    PlaybookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PlaybookTask> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_playbook_task ORDER BY category, position, title")
                .query((rs, row) -> task(rs))
                .list();
    }

    List<PlaybookTask> of(IncidentCategory category) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_playbook_task WHERE category = :c ORDER BY position")
                .param("c", category.name())
                .query((rs, row) -> task(rs))
                .list();
    }

    Optional<PlaybookTask> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_playbook_task WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> task(rs))
                .optional();
    }

    /** Adds the template at the end of its category's playbook. */
    void add(PlaybookTask task) {
        jdbc.sql("""
                        INSERT INTO incident_playbook_task (id, category, position, title, description, side, due_hours)
                        SELECT :id, :category, COALESCE(MAX(position), 0) + 1, :title, :description, :side, :due
                        FROM incident_playbook_task WHERE category = :category
                        """)
                .param("id", task.id())
                .param("category", task.category().name())
                .param("title", task.title())
                .param("description", task.description())
                .param("side", task.side().name())
                .param("due", task.dueHours())
                .update();
    }

    void change(UUID id, String title, String description, Side side, int dueHours) {
        jdbc.sql("""
                        UPDATE incident_playbook_task SET title = :title, description = :description, side = :side,
                            due_hours = :due
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("title", title)
                .param("description", description)
                .param("side", side.name())
                .param("due", dueHours)
                .update();
    }

    void remove(UUID id) {
        jdbc.sql("DELETE FROM incident_playbook_task WHERE id = :id")
                .param("id", id)
                .update();
    }

    void position(UUID id, int position) {
        jdbc.sql("UPDATE incident_playbook_task SET position = :p WHERE id = :id")
                .param("id", id)
                .param("p", position)
                .update();
    }

    private static PlaybookTask task(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlaybookTask(
                rs.getObject("id", UUID.class),
                IncidentCategory.valueOf(rs.getString("category")),
                rs.getInt("position"),
                rs.getString("title"),
                rs.getString("description"),
                Side.valueOf(rs.getString("side")),
                rs.getInt("due_hours"));
    }
}
