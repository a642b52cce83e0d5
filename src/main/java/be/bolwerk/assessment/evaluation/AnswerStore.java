package be.bolwerk.assessment.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers, one row per control, saved one at a time as the person works. A save is idempotent: sending the
 * same answer again (a double click, a retried request) changes nothing and reports success; a save based on
 * an older revision than the stored one, with other values, is a conflict and the stored answer wins.
 */
@Component
public class AnswerStore {

    /** What a save did. {@code answer} is what is stored afterwards. */
    public record Saved(Outcome outcome, Answer answer) {}

    public enum Outcome {
        SAVED,
        UNCHANGED,
        CONFLICT
    }

    private final JdbcClient jdbc;

    AnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Answer> of(UUID organisationId, UUID assessmentId) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM assessment_answer WHERE organisation_id = :org AND assessment_id = :id")
                .param("org", organisationId)
                .param("id", assessmentId)
                .query(rs -> {
                    Answer answer = answer(rs);
                    answers.put(answer.controlRef(), answer);
                });
        return answers;
    }

    /** Must run in a transaction: the stored row is locked while it is compared. */
    Saved save(UUID organisationId, UUID assessmentId, String ref, AnswerInput input, UUID by, Instant now) {
        Optional<Answer> stored = locked(organisationId, assessmentId, ref);
        if (stored.isEmpty()) {
            // ON CONFLICT: the same first answer sent twice at once inserts once; the second compares below.
            // (A failed INSERT would abort the whole transaction on PostgreSQL, so no catching here.)
            int inserted = insert(organisationId, assessmentId, ref, input, by, now);
            stored = locked(organisationId, assessmentId, ref);
            if (inserted == 1) {
                return new Saved(Outcome.SAVED, stored.orElseThrow());
            }
        }
        Answer current = stored.orElseThrow();
        if (current.sameAs(input)) {
            return new Saved(Outcome.UNCHANGED, current);
        }
        if (input.basedOn() != null && input.basedOn() != current.revision()) {
            return new Saved(Outcome.CONFLICT, current);
        }
        jdbc.sql("""
                        UPDATE assessment_answer
                        SET documentation = :documentation, implementation = :implementation, not_applicable = :na,
                            justification = :justification, comment = :comment, answered_by = :by,
                            answered_at = :at, revision = revision + 1
                        WHERE organisation_id = :org AND assessment_id = :id AND control_ref = :ref
                        """)
                .param("documentation", input.documentation())
                .param("implementation", input.implementation())
                .param("na", input.notApplicable())
                .param("justification", input.justification())
                .param("comment", input.comment())
                .param("by", by)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("org", organisationId)
                .param("id", assessmentId)
                .param("ref", ref)
                .update();
        return new Saved(
                Outcome.SAVED, locked(organisationId, assessmentId, ref).orElseThrow());
    }

    /** Copies answers into a new assessment, e.g. last year's into this year's draft. */
    void copy(UUID organisationId, UUID assessmentId, Map<String, Answer> answers, UUID by, Instant now) {
        answers.values()
                .forEach(answer -> insert(
                        organisationId,
                        assessmentId,
                        answer.controlRef(),
                        new AnswerInput(
                                answer.documentation(),
                                answer.implementation(),
                                answer.notApplicable(),
                                answer.justification(),
                                answer.comment(),
                                null),
                        by,
                        now));
    }

    /** Inserts a first answer; 0 when the control already has one (the same answer sent twice at once). */
    private int insert(UUID organisationId, UUID assessmentId, String ref, AnswerInput input, UUID by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO assessment_answer (organisation_id, assessment_id, control_ref,
                            documentation, implementation, not_applicable, justification, comment,
                            answered_by, answered_at, revision)
                        VALUES (:org, :id, :ref, :documentation, :implementation, :na, :justification,
                            :comment, :by, :at, 1)
                        ON CONFLICT DO NOTHING
                        """)
                .param("org", organisationId)
                .param("id", assessmentId)
                .param("ref", ref)
                .param("documentation", input.documentation())
                .param("implementation", input.implementation())
                .param("na", input.notApplicable())
                .param("justification", input.justification())
                .param("comment", input.comment())
                .param("by", by)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    private Optional<Answer> locked(UUID organisationId, UUID assessmentId, String ref) {
        return jdbc.sql("""
                        SELECT * FROM assessment_answer
                        WHERE organisation_id = :org AND assessment_id = :id AND control_ref = :ref
                        FOR UPDATE
                        """)
                .param("org", organisationId)
                .param("id", assessmentId)
                .param("ref", ref)
                .query((rs, row) -> answer(rs))
                .optional();
    }

    private static Answer answer(ResultSet rs) throws SQLException {
        return new Answer(
                rs.getString("control_ref"),
                (Integer) rs.getObject("documentation", Integer.class),
                (Integer) rs.getObject("implementation", Integer.class),
                rs.getBoolean("not_applicable"),
                rs.getString("justification"),
                rs.getString("comment"),
                rs.getObject("answered_by", UUID.class),
                rs.getObject("answered_at", OffsetDateTime.class).toInstant(),
                rs.getInt("revision"));
    }
}
