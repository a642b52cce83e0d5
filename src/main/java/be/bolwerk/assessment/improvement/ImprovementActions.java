package be.bolwerk.assessment.improvement;

import be.bolwerk.assessment.ImprovementActionProposed;
import be.bolwerk.assessment.evaluation.Assessment;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Improvement actions of an assessment: stored once, announced once, listed by due date, changed while open,
 * closed once with who and when. The one class that writes {@code improvement_action}.
 */
@Component
public class ImprovementActions {

    public enum Priority {
        HIGH,
        MEDIUM,
        LOW
    }

    /** One action as the results page lists it; {@code closedAt} is {@code null} while it is open. */
    public record Action(
            UUID id,
            String controlRef,
            String title,
            UUID ownerId,
            LocalDate dueDate,
            Priority priority,
            UUID closedBy,
            Instant closedAt) {

        public boolean open() {
            return closedAt == null;
        }
    }

    /** An open action of one person, for their work list. */
    public record Owned(
            UUID id, UUID assessmentId, UUID organisationId, String controlRef, String title, LocalDate dueDate) {}

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
                        SELECT id, control_ref, title, owner_id, due_date, priority, closed_by, closed_at
                        FROM improvement_action
                        WHERE organisation_id = :org AND assessment_id = :assessment
                        ORDER BY due_date, title
                        """)
                .param("org", assessment.organisationId())
                .param("assessment", assessment.id())
                .query((rs, n) -> action(rs))
                .list();
    }

    /** One action of the assessment; empty when it has none with this id. */
    public Optional<Action> find(Assessment assessment, UUID actionId) {
        return jdbc.sql("""
                        SELECT id, control_ref, title, owner_id, due_date, priority, closed_by, closed_at
                        FROM improvement_action
                        WHERE organisation_id = :org AND assessment_id = :assessment AND id = :id
                        """)
                .param("org", assessment.organisationId())
                .param("assessment", assessment.id())
                .param("id", actionId)
                .query((rs, n) -> action(rs))
                .optional();
    }

    /**
     * Changes an open action's title, owner, due date and priority. False when it is closed or gone (someone
     * closed it meanwhile): a closed action is a record of what was done and stays as it was closed.
     */
    boolean change(Assessment assessment, UUID actionId, ActionPlanning.Plan plan, UUID by) {
        return jdbc.sql("""
                                UPDATE improvement_action SET title = :title, owner_id = :owner, due_date = :due,
                                    priority = :priority, updated_by = :by, updated_at = :now
                                WHERE organisation_id = :org AND assessment_id = :assessment AND id = :id
                                    AND closed_at IS NULL
                                """)
                        .param("title", plan.title())
                        .param("owner", plan.owner())
                        .param("due", Date.valueOf(plan.due()))
                        .param("priority", plan.priority().name())
                        .param("by", by)
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("org", assessment.organisationId())
                        .param("assessment", assessment.id())
                        .param("id", actionId)
                        .update()
                == 1;
    }

    /** Closes an open action, with who and when; false when it was closed already (a double click). */
    boolean close(Assessment assessment, UUID actionId, UUID by) {
        return jdbc.sql("""
                                UPDATE improvement_action SET closed_by = :by, closed_at = :now
                                WHERE organisation_id = :org AND assessment_id = :assessment AND id = :id
                                    AND closed_at IS NULL
                                """)
                        .param("by", by)
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .param("org", assessment.organisationId())
                        .param("assessment", assessment.id())
                        .param("id", actionId)
                        .update()
                == 1;
    }

    /** The open actions a person owns in these organisations, soonest due first. */
    public List<Owned> openOwnedBy(UUID owner, Collection<UUID> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, assessment_id, organisation_id, control_ref, title, due_date FROM improvement_action
                        WHERE organisation_id IN (:orgs) AND owner_id = :owner AND closed_at IS NULL
                        ORDER BY due_date, title
                        """)
                .param("orgs", organisationIds)
                .param("owner", owner)
                .query((rs, n) -> new Owned(
                        rs.getObject("id", UUID.class),
                        rs.getObject("assessment_id", UUID.class),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("control_ref"),
                        rs.getString("title"),
                        rs.getDate("due_date").toLocalDate()))
                .list();
    }

    private static Action action(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        return new Action(
                rs.getObject("id", UUID.class),
                rs.getString("control_ref"),
                rs.getString("title"),
                rs.getObject("owner_id", UUID.class),
                rs.getDate("due_date").toLocalDate(),
                Priority.valueOf(rs.getString("priority")),
                rs.getObject("closed_by", UUID.class),
                closedAt == null ? null : closedAt.toInstant());
    }
}
