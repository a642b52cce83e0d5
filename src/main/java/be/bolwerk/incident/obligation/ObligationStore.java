package be.bolwerk.incident.obligation;

import static be.bolwerk.incident.obligation.FactStore.cut;
import static be.bolwerk.incident.obligation.FactStore.instant;
import static be.bolwerk.incident.obligation.FactStore.utc;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code incident_obligation}. A recorded obligation is written on the revision loaded (two
 * people recording at once: the second is refused); the reminders claim their marker column with a conditional
 * update, so each reminder goes once even when two nodes run the job.
 */
@Repository
class ObligationStore {

    private static final String COLUMNS = "id, incident_id, organisation_id, kind, recipient, window_start, due_at,"
            + " state, reason, submitted_at, channel, external_reference, phased, delay_reason, recorded_by,"
            + " recorded_by_name, recorded_at, revision";

    /** Which reminder a marker column stands for. */
    enum Reminder {
        HALF("reminded_half_at"),
        NINETY("reminded_ninety_at"),
        OVERDUE("reminded_overdue_at");

        private final String column;

        Reminder(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;

    ObligationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Obligation> of(IncidentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_obligation WHERE incident_id = :id")
                .param("id", id.value())
                .query((rs, row) -> obligation(rs))
                .list();
    }

    Optional<Obligation> find(IncidentId incident, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_obligation WHERE incident_id = :incident AND id = :id")
                .param("incident", incident.value())
                .param("id", id)
                .query((rs, row) -> obligation(rs))
                .optional();
    }

    void insert(Obligation o) {
        jdbc.sql("INSERT INTO incident_obligation (" + COLUMNS + ") VALUES (:id, :incident, :org, :kind, :recipient,"
                        + " :windowStart, :dueAt, :state, :reason, :submittedAt, :channel, :externalReference, :phased,"
                        + " :delayReason, :recordedBy, :recordedByName, :recordedAt, 0)")
                .param("id", o.id())
                .param("incident", o.incidentId().value())
                .param("org", o.organisationId())
                .param("kind", o.kind().name())
                .param("recipient", o.recipient().name())
                .param("windowStart", utc(o.windowStart()))
                .param("dueAt", utc(o.dueAt()))
                .param("state", o.state().name())
                .param("reason", null)
                .param("submittedAt", null)
                .param("channel", null)
                .param("externalReference", null)
                .param("phased", false)
                .param("delayReason", null)
                .param("recordedBy", null)
                .param("recordedByName", null)
                .param("recordedAt", null)
                .update();
    }

    /**
     * Writes the state, the record and the due moment if nobody changed the obligation since it was loaded. A
     * rescheduled obligation forgets the reminders it had, so the new window reminds again.
     */
    void update(Obligation o, boolean rescheduled) {
        Obligation.Record r = o.record();
        int written = jdbc.sql("""
                        UPDATE incident_obligation SET window_start = :windowStart, due_at = :dueAt, state = :state,
                            reason = :reason, submitted_at = :submittedAt, channel = :channel,
                            external_reference = :externalReference, phased = :phased, delay_reason = :delayReason,
                            recorded_by = :recordedBy, recorded_by_name = :recordedByName, recorded_at = :recordedAt,
                            reminded_half_at = CASE WHEN :rescheduled THEN NULL ELSE reminded_half_at END,
                            reminded_ninety_at = CASE WHEN :rescheduled THEN NULL ELSE reminded_ninety_at END,
                            reminded_overdue_at = CASE WHEN :rescheduled THEN NULL ELSE reminded_overdue_at END,
                            revision = revision + 1
                        WHERE id = :id AND revision = :revision
                        """)
                .param("id", o.id())
                .param("revision", o.revision())
                .param("windowStart", utc(o.windowStart()))
                .param("dueAt", utc(o.dueAt()))
                .param("state", o.state().name())
                .param("reason", cut(r.reason(), 2000))
                .param("submittedAt", utc(r.submittedAt()))
                .param("channel", cut(r.channel(), 100))
                .param("externalReference", cut(r.externalReference(), 100))
                .param("phased", r.phased())
                .param("delayReason", cut(r.delayReason(), 2000))
                .param(
                        "recordedBy",
                        r.recordedBy() == null ? null : r.recordedBy().id())
                .param(
                        "recordedByName",
                        r.recordedBy() == null ? null : cut(r.recordedBy().name(), 200))
                .param("recordedAt", utc(r.recordedAt()))
                .param("rescheduled", rescheduled)
                .update();
        if (written != 1) {
            throw Refusal.conflict(FactStore.STALE);
        }
    }

    /** Removes a pending obligation the rules no longer find (the facts changed); nothing was recorded on it. */
    void removePending(Obligation o) {
        jdbc.sql("DELETE FROM incident_obligation WHERE id = :id AND state = 'PENDING'")
                .param("id", o.id())
                .update();
    }

    /** The pending obligations with a deadline whose window has begun: what the reminder job looks at. */
    List<Obligation> pendingWithDeadline(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_obligation WHERE state = 'PENDING'"
                        + " AND due_at IS NOT NULL AND window_start IS NOT NULL AND window_start <= :now"
                        + " AND reminded_overdue_at IS NULL ORDER BY due_at")
                .param("now", utc(now))
                .query((rs, row) -> obligation(rs))
                .list();
    }

    /** Claims a reminder: true for exactly one caller, the first. */
    boolean claim(Obligation o, Reminder reminder, Instant now) {
        return jdbc.sql("UPDATE incident_obligation SET " + reminder.column + " = :now WHERE id = :id AND "
                                + reminder.column + " IS NULL")
                        .param("now", utc(now))
                        .param("id", o.id())
                        .update()
                == 1;
    }

    private static Obligation obligation(ResultSet rs) throws SQLException {
        UUID by = rs.getObject("recorded_by", UUID.class);
        return new Obligation(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                ObligationKind.valueOf(rs.getString("kind")),
                Recipient.valueOf(rs.getString("recipient")),
                instant(rs, "window_start"),
                instant(rs, "due_at"),
                ObligationState.valueOf(rs.getString("state")),
                new Obligation.Record(
                        rs.getString("reason"),
                        instant(rs, "submitted_at"),
                        rs.getString("channel"),
                        rs.getString("external_reference"),
                        rs.getBoolean("phased"),
                        rs.getString("delay_reason"),
                        by == null ? null : new Actor(by, rs.getString("recorded_by_name")),
                        instant(rs, "recorded_at")),
                rs.getInt("revision"));
    }
}
