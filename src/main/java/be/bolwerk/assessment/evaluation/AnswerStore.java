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
 * Answers, one row per control, saved one at a time as the person works, with every saved state kept by
 * revision. A save is idempotent: sending the same answer again (a double click, a retried request) changes
 * nothing and reports success. A save based on an older revision is merged field by field with the state its
 * page showed ({@link Merge}); only a field both people changed differently is a conflict, which stores
 * nothing and hands both versions back.
 */
@Component
public class AnswerStore {

    /**
     * What a save did. {@code answer} is what is stored afterwards; {@code merge} is set when the save was
     * merged with a colleague's (SAVED) or could not be (CONFLICT), and {@code sent} is what the person sent.
     */
    public record Saved(Outcome outcome, Answer answer, Merge merge, AnswerInput sent) {

        public Saved(Outcome outcome, Answer answer) {
            this(outcome, answer, null, null);
        }

        /** Whether a colleague's change to other fields was kept alongside this person's. */
        public boolean merged() {
            return outcome == Outcome.SAVED && merge != null;
        }
    }

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
                    Answer answer = answer(rs, rs.getBoolean("carried_over"));
                    answers.put(answer.controlRef(), answer);
                });
        return answers;
    }

    /** Must run in a transaction: the stored row is locked while it is compared. */
    Saved save(UUID organisationId, UUID assessmentId, String ref, AnswerInput sent, UUID by, Instant now) {
        Optional<Answer> stored = locked(organisationId, assessmentId, ref);
        if (stored.isEmpty()) {
            // ON CONFLICT: the same first answer sent twice at once inserts once; the second compares below.
            // (A failed INSERT would abort the whole transaction on PostgreSQL, so no catching here.)
            AnswerInput first = sent.keeping(Answer.none(ref));
            int inserted = insert(organisationId, assessmentId, ref, first, by, now, false);
            stored = locked(organisationId, assessmentId, ref);
            if (inserted == 1) {
                return new Saved(Outcome.SAVED, stored.orElseThrow());
            }
        }
        Answer current = stored.orElseThrow();
        AnswerInput input = sent.keeping(current);
        if (current.sameAs(input)) {
            return new Saved(Outcome.UNCHANGED, current);
        }
        if (input.basedOn() == null || input.basedOn() == current.revision()) {
            return new Saved(Outcome.SAVED, update(organisationId, assessmentId, ref, input, by, now));
        }
        Merge merge = Merge.of(base(organisationId, assessmentId, ref, input.basedOn()), current, input);
        if (!merge.clean()) {
            return new Saved(Outcome.CONFLICT, current, merge, input);
        }
        if (current.sameAs(merge.merged())) {
            // Everything this person changed was already changed the same way by the colleague.
            return new Saved(Outcome.UNCHANGED, current);
        }
        return new Saved(
                Outcome.SAVED, update(organisationId, assessmentId, ref, merge.merged(), by, now), merge, input);
    }

    /** The state a page showed: revision 0 is "no answer yet"; empty (null) when that revision is not kept. */
    private Answer base(UUID organisationId, UUID assessmentId, String ref, int revision) {
        if (revision == 0) {
            return Answer.none(ref);
        }
        return jdbc.sql("""
                        SELECT * FROM assessment_answer_revision
                        WHERE organisation_id = :org AND assessment_id = :id AND control_ref = :ref
                            AND revision = :revision
                        """)
                .param("org", organisationId)
                .param("id", assessmentId)
                .param("ref", ref)
                .param("revision", revision)
                .query((rs, row) -> answer(rs, false))
                .optional()
                .orElse(null);
    }

    private Answer update(UUID organisationId, UUID assessmentId, String ref, AnswerInput input, UUID by, Instant now) {
        jdbc.sql("""
                        UPDATE assessment_answer
                        SET documentation = :documentation, implementation = :implementation, not_applicable = :na,
                            justification = :justification, comment = :comment, answered_by = :by,
                            answered_at = :at, revision = revision + 1, carried_over = FALSE
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
        Answer saved = locked(organisationId, assessmentId, ref).orElseThrow();
        keep(organisationId, assessmentId, saved);
        return saved;
    }

    /** Confirms carried-over answers as they are; the count of answers that were still to confirm. */
    int confirm(UUID organisationId, UUID assessmentId, java.util.Collection<String> refs) {
        if (refs.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE assessment_answer SET carried_over = FALSE
                        WHERE organisation_id = :org AND assessment_id = :id AND control_ref IN (:refs)
                            AND carried_over = TRUE
                        """)
                .param("org", organisationId)
                .param("id", assessmentId)
                .param("refs", refs)
                .update();
    }

    /** How many carried-over answers nobody has confirmed or changed yet. */
    int unconfirmed(UUID organisationId, UUID assessmentId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM assessment_answer
                        WHERE organisation_id = :org AND assessment_id = :id AND carried_over = TRUE
                        """)
                .param("org", organisationId)
                .param("id", assessmentId)
                .query(Integer.class)
                .single();
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
                        now,
                        answer.carriedOver()));
    }

    /** Inserts a first answer; 0 when the control already has one (the same answer sent twice at once). */
    private int insert(
            UUID organisationId,
            UUID assessmentId,
            String ref,
            AnswerInput input,
            UUID by,
            Instant now,
            boolean carriedOver) {
        int inserted = jdbc.sql("""
                        INSERT INTO assessment_answer (organisation_id, assessment_id, control_ref,
                            documentation, implementation, not_applicable, justification, comment,
                            answered_by, answered_at, revision, carried_over)
                        VALUES (:org, :id, :ref, :documentation, :implementation, :na, :justification,
                            :comment, :by, :at, 1, :carried)
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
                .param("carried", carriedOver)
                .update();
        if (inserted == 1) {
            keep(
                    organisationId,
                    assessmentId,
                    locked(organisationId, assessmentId, ref).orElseThrow());
        }
        return inserted;
    }

    /** Keeps the saved state under its revision, so a later save based on it can be merged. */
    private void keep(UUID organisationId, UUID assessmentId, Answer saved) {
        jdbc.sql("""
                        INSERT INTO assessment_answer_revision (organisation_id, assessment_id, control_ref, revision,
                            documentation, implementation, not_applicable, justification, comment, answered_by,
                            answered_at)
                        VALUES (:org, :id, :ref, :revision, :documentation, :implementation, :na, :justification,
                            :comment, :by, :at)
                        """)
                .param("org", organisationId)
                .param("id", assessmentId)
                .param("ref", saved.controlRef())
                .param("revision", saved.revision())
                .param("documentation", saved.documentation())
                .param("implementation", saved.implementation())
                .param("na", saved.notApplicable())
                .param("justification", saved.justification())
                .param("comment", saved.comment())
                .param("by", saved.answeredBy())
                .param("at", saved.answeredAt().atOffset(ZoneOffset.UTC))
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
                .query((rs, row) -> answer(rs, rs.getBoolean("carried_over")))
                .optional();
    }

    private static Answer answer(ResultSet rs, boolean carriedOver) throws SQLException {
        return new Answer(
                rs.getString("control_ref"),
                (Integer) rs.getObject("documentation", Integer.class),
                (Integer) rs.getObject("implementation", Integer.class),
                rs.getBoolean("not_applicable"),
                rs.getString("justification"),
                rs.getString("comment"),
                rs.getObject("answered_by", UUID.class),
                rs.getObject("answered_at", OffsetDateTime.class).toInstant(),
                rs.getInt("revision"),
                carriedOver);
    }
}
