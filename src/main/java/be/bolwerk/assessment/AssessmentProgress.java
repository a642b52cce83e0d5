package be.bolwerk.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each organisation got with one framework version in one year, for a programme-wide follow-up (the
 * campaign module's completion overview and its reminders). Read-only and set-based: one query for every
 * organisation at once. An answer counts as answered by the same rule as the assessment's own progress: both
 * maturities, or not applicable with a reason. Callers decide who may see it; it answers for every
 * organisation.
 */
@Service
public class AssessmentProgress {

    /**
     * One organisation's self-evaluation: whether it is submitted, how many controls are answered, and its last
     * activity (the latest of starting, an answer and submitting).
     */
    public record Progress(
            UUID organisationId, AssessmentId assessmentId, boolean submitted, int answered, Instant lastActivity) {}

    private final JdbcClient jdbc;

    AssessmentProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per organisation that started one: its self-evaluation of this version for this year. */
    @Transactional(readOnly = true)
    public Map<UUID, Progress> of(UUID frameworkVersionId, int year) {
        Map<UUID, Progress> result = new HashMap<>();
        jdbc.sql("""
                        SELECT a.organisation_id, a.id, a.status, a.started_at, a.submitted_at,
                               COALESCE(SUM(CASE
                                   WHEN x.not_applicable AND x.justification IS NOT NULL
                                        AND TRIM(x.justification) <> '' THEN 1
                                   WHEN NOT x.not_applicable AND x.documentation IS NOT NULL
                                        AND x.implementation IS NOT NULL THEN 1
                                   ELSE 0 END), 0) AS answered,
                               MAX(x.answered_at) AS last_answer
                        FROM assessment a
                        LEFT JOIN assessment_answer x
                               ON x.organisation_id = a.organisation_id AND x.assessment_id = a.id
                        WHERE a.framework_version_id = :version AND a.assessment_year = :year
                        GROUP BY a.organisation_id, a.id, a.status, a.started_at, a.submitted_at
                        """)
                .param("version", frameworkVersionId)
                .param("year", year)
                .query((rs, row) -> {
                    Instant last = latest(
                            rs.getObject("started_at", OffsetDateTime.class),
                            rs.getObject("last_answer", OffsetDateTime.class),
                            rs.getObject("submitted_at", OffsetDateTime.class));
                    return new Progress(
                            rs.getObject("organisation_id", UUID.class),
                            new AssessmentId(rs.getObject("id", UUID.class)),
                            "SUBMITTED".equals(rs.getString("status")),
                            rs.getInt("answered"),
                            last);
                })
                .list()
                .forEach(progress -> result.put(progress.organisationId(), progress));
        return result;
    }

    private static Instant latest(OffsetDateTime... moments) {
        Instant latest = null;
        for (OffsetDateTime moment : moments) {
            if (moment != null && (latest == null || moment.toInstant().isAfter(latest))) {
                latest = moment.toInstant();
            }
        }
        return latest;
    }
}
