package be.bolwerk.assessment.improvement;

import be.bolwerk.assessment.ImprovementActionProposed;
import be.bolwerk.assessment.evaluation.Assessment;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Improvement actions of an assessment: stored once, announced once, listed by due date. */
@Component
public class ImprovementActions {

    public enum Priority {
        HIGH,
        MEDIUM,
        LOW
    }

    /** One action as the results page lists it. */
    public record Action(
            UUID id, String controlRef, String title, UUID ownerId, LocalDate dueDate, Priority priority) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImprovementActions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the action unless the same one exists; announces it only when it is new. */
    public boolean propose(
            Assessment assessment,
            String controlRef,
            String title,
            UUID owner,
            LocalDate due,
            Priority priority,
            UUID by) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO improvement_action (organisation_id, id, assessment_id, control_ref, title,
                            owner_id, due_date, priority, created_by, created_at)
                        VALUES (:org, :id, :assessment, :ref, :title, :owner, :due, :priority, :by, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("org", assessment.organisationId())
                .param("id", id)
                .param("assessment", assessment.id())
                .param("ref", controlRef)
                .param("title", title)
                .param("owner", owner)
                .param("due", Date.valueOf(due))
                .param("priority", priority.name())
                .param("by", by)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            events.publishEvent(new ImprovementActionProposed(
                    id,
                    assessment.organisationId(),
                    assessment.assessmentId(),
                    controlRef,
                    title,
                    owner,
                    due,
                    priority.name()));
        }
        return inserted == 1;
    }

    public List<Action> of(Assessment assessment) {
        return jdbc.sql("""
                        SELECT id, control_ref, title, owner_id, due_date, priority FROM improvement_action
                        WHERE organisation_id = :org AND assessment_id = :assessment
                        ORDER BY due_date, title
                        """)
                .param("org", assessment.organisationId())
                .param("assessment", assessment.id())
                .query((rs, n) -> new Action(
                        rs.getObject("id", UUID.class),
                        rs.getString("control_ref"),
                        rs.getString("title"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getDate("due_date").toLocalDate(),
                        Priority.valueOf(rs.getString("priority"))))
                .list();
    }
}
