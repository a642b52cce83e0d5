package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.scoring.Scores;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads and saves {@link Assessment}s with their assignments, and publishes what they raised. Saves check the
 * version read, so two admins changing one assessment at once cannot overwrite each other unnoticed. Every
 * query names the organisation along with the id.
 */
@Component
public class AssessmentStore {

    /** A row as lists show it. */
    public record Row(
            UUID id,
            UUID organisationId,
            UUID frameworkVersionId,
            int year,
            AssessmentStatus status,
            java.time.Instant startedAt,
            java.time.Instant submittedAt) {}

    /** The stored scores of one submitted assessment. */
    public record SubmittedScores(
            UUID assessmentId, UUID organisationId, int year, BigDecimal total, Map<String, BigDecimal> areas) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AssessmentStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Assessment> find(UUID id) {
        Optional<Assessment> found = jdbc.sql("SELECT * FROM assessment WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> assessment(rs, assignments(id)))
                .optional();
        return found;
    }

    Optional<UUID> idOf(UUID organisationId, UUID frameworkVersionId, int year) {
        return jdbc.sql("""
                        SELECT id FROM assessment
                        WHERE organisation_id = :org AND framework_version_id = :framework AND assessment_year = :year
                        """)
                .param("org", organisationId)
                .param("framework", frameworkVersionId)
                .param("year", year)
                .query(UUID.class)
                .optional();
    }

    /** The latest submitted assessment of the organisation on any of these framework versions. */
    Optional<Row> latestSubmitted(UUID organisationId, Collection<UUID> frameworkVersionIds) {
        if (frameworkVersionIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc
                .sql("""
                        SELECT * FROM assessment
                        WHERE organisation_id = :org AND framework_version_id IN (:frameworks) AND status = 'SUBMITTED'
                        ORDER BY assessment_year DESC, submitted_at DESC
                        """)
                .param("org", organisationId)
                .param("frameworks", frameworkVersionIds)
                .query((rs, row) -> row(rs))
                .stream()
                .findFirst();
    }

    /** The latest submitted scores on this framework version of each of these organisations. */
    public List<SubmittedScores> latestSubmittedScores(UUID frameworkVersionId, Collection<UUID> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, SubmittedScores> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT id, organisation_id, assessment_year, total_score FROM assessment
                        WHERE framework_version_id = :framework AND status = 'SUBMITTED'
                            AND organisation_id IN (:orgs)
                        ORDER BY organisation_id, assessment_year DESC, submitted_at DESC
                        """)
                .param("framework", frameworkVersionId)
                .param("orgs", organisationIds)
                .query(rs -> {
                    UUID organisation = rs.getObject("organisation_id", UUID.class);
                    latest.putIfAbsent(
                            organisation,
                            new SubmittedScores(
                                    rs.getObject("id", UUID.class),
                                    organisation,
                                    rs.getInt("assessment_year"),
                                    rs.getBigDecimal("total_score"),
                                    new LinkedHashMap<>()));
                });
        if (latest.isEmpty()) {
            return List.of();
        }
        Map<UUID, SubmittedScores> byAssessment = new HashMap<>();
        latest.values().forEach(s -> byAssessment.put(s.assessmentId(), s));
        jdbc.sql("SELECT assessment_id, area_ref, score FROM assessment_score WHERE assessment_id IN (:ids)")
                .param("ids", byAssessment.keySet())
                .query(rs -> {
                    byAssessment
                            .get(rs.getObject("assessment_id", UUID.class))
                            .areas()
                            .put(rs.getString("area_ref"), rs.getBigDecimal("score"));
                });
        return latest.values().stream().filter(s -> s.total() != null).toList();
    }

    /** The stored scores of one submitted assessment, e.g. last year's to compare with. */
    public Optional<SubmittedScores> submittedScores(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT id, organisation_id, framework_version_id, assessment_year FROM assessment
                        WHERE id = :id AND status = 'SUBMITTED'
                        """)
                .param("id", assessmentId)
                .query((rs, n) -> new Object[] {
                    rs.getObject("organisation_id", UUID.class), rs.getObject("framework_version_id", UUID.class)
                })
                .optional()
                .flatMap(row -> latestSubmittedScores((UUID) row[1], List.of((UUID) row[0])).stream()
                        .filter(s -> s.assessmentId().equals(assessmentId))
                        .findFirst());
    }

    public List<Row> ofOrganisations(Collection<UUID> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM assessment WHERE organisation_id IN (:orgs)
                        ORDER BY assessment_year DESC, started_at DESC
                        """)
                .param("orgs", organisationIds)
                .query((rs, row) -> row(rs))
                .list();
    }

    public void insert(Assessment assessment) {
        jdbc.sql("""
                        INSERT INTO assessment (organisation_id, id, framework_version_id, assessment_year, status, previous_id,
                            started_by, started_at, version)
                        VALUES (:org, :id, :framework, :year, :status, :previous, :by, :at, 0)
                        """)
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .param("framework", assessment.frameworkVersionId())
                .param("year", assessment.year())
                .param("status", assessment.status().name())
                .param("previous", assessment.previousId())
                .param("by", assessment.startedBy())
                .param("at", assessment.startedAt().atOffset(ZoneOffset.UTC))
                .update();
        writeAssignments(assessment);
        publish(assessment);
    }

    public void update(Assessment assessment) {
        int updated = jdbc.sql("""
                        UPDATE assessment SET status = :status, submitted_by = :by, submitted_at = :at,
                            version = version + 1
                        WHERE organisation_id = :org AND id = :id AND version = :version
                        """)
                .param("status", assessment.status().name())
                .param("by", assessment.submittedBy())
                .param(
                        "at",
                        assessment.submittedAt() == null
                                ? null
                                : assessment.submittedAt().atOffset(ZoneOffset.UTC))
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .param("version", assessment.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("assessment " + assessment.id() + " changed meanwhile");
        }
        assessment.submittedScores().ifPresent(scores -> writeScores(assessment, scores));
        jdbc.sql("DELETE FROM assessment_assignment WHERE organisation_id = :org AND assessment_id = :id")
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .update();
        writeAssignments(assessment);
        publish(assessment);
    }

    private void writeScores(Assessment assessment, Scores scores) {
        jdbc.sql("""
                        UPDATE assessment SET total_score = :total, target_reached = :reached
                        WHERE organisation_id = :org AND id = :id
                        """)
                .param("total", scores.total())
                .param("reached", scores.targetReached())
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .update();
        scores.areaScores()
                .forEach((area, score) -> jdbc.sql("""
                        INSERT INTO assessment_score (organisation_id, assessment_id, area_ref, score)
                        VALUES (:org, :id, :area, :score)
                        """)
                        .param("org", assessment.organisationId())
                        .param("id", assessment.id())
                        .param("area", area)
                        .param("score", score)
                        .update());
    }

    private void writeAssignments(Assessment assessment) {
        assessment
                .assignments()
                .forEach((area, account) -> jdbc.sql("""
                        INSERT INTO assessment_assignment (organisation_id, assessment_id, area_ref, account_id)
                        VALUES (:org, :id, :area, :account)
                        """)
                        .param("org", assessment.organisationId())
                        .param("id", assessment.id())
                        .param("area", area)
                        .param("account", account)
                        .update());
    }

    private void publish(Assessment assessment) {
        assessment.takeEvents().forEach(events::publishEvent);
    }

    private Map<String, UUID> assignments(UUID id) {
        Map<String, UUID> assignments = new HashMap<>();
        jdbc.sql("SELECT area_ref, account_id FROM assessment_assignment WHERE assessment_id = :id")
                .param("id", id)
                .query(rs -> {
                    assignments.put(rs.getString("area_ref"), rs.getObject("account_id", UUID.class));
                });
        return assignments;
    }

    private static Assessment assessment(ResultSet rs, Map<String, UUID> assignments) throws SQLException {
        return new Assessment(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("framework_version_id", UUID.class),
                rs.getInt("assessment_year"),
                rs.getObject("previous_id", UUID.class),
                rs.getObject("started_by", UUID.class),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                AssessmentStatus.valueOf(rs.getString("status")),
                rs.getObject("submitted_by", UUID.class),
                instant(rs.getObject("submitted_at", OffsetDateTime.class)),
                assignments,
                rs.getInt("version"));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("framework_version_id", UUID.class),
                rs.getInt("assessment_year"),
                AssessmentStatus.valueOf(rs.getString("status")),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("submitted_at", OffsetDateTime.class)));
    }

    private static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
