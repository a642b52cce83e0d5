package be.bolwerk.incident.obligation;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
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
 * The one writer of {@code incident_fact} and its history {@code incident_fact_change}. The first row is inserted
 * at most once (a redelivered event or a page opened before the event arrived changes nothing); a change is a
 * conditional write on the revision loaded, so two people saving at once cannot both win, and it also serialises
 * the reconciliation of the obligations that follows it.
 */
@Repository
class FactStore {

    static final String STALE = "incident.obligation.rule.stale";

    private static final String COLUMNS = "incident_id, organisation_id, detected_at, became_aware_at,"
            + " personal_data_known_at, started_at, resolved_at, personal_data_breach, significant, breach_reason,"
            + " revision";

    private final JdbcClient jdbc;

    FactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IncidentFacts> find(IncidentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_fact WHERE incident_id = :id")
                .param("id", id.value())
                .query((rs, row) -> facts(rs))
                .optional();
    }

    /** The organisation's incidents that are still open (not closed, merged or found not to be an incident). */
    List<IncidentId> openIncidentsOf(UUID organisationId) {
        return jdbc.sql("SELECT f.incident_id FROM incident_fact f JOIN incident i ON i.id = f.incident_id"
                        + " WHERE f.organisation_id = :org AND i.status IN (:open) ORDER BY f.incident_id")
                .param("org", organisationId)
                .param("open", IncidentStatus.OPEN.stream().map(Enum::name).toList())
                .query((rs, row) -> new IncidentId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Locks the facts of an incident until the transaction ends and answers them as they are now. */
    IncidentFacts lock(IncidentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_fact WHERE incident_id = :id FOR UPDATE")
                .param("id", id.value())
                .query((rs, row) -> facts(rs))
                .single();
    }

    /** Inserts the first facts unless the incident has them already; answers the facts as stored. */
    IncidentFacts insertIfAbsent(IncidentFacts facts) {
        IncidentFacts.Values v = facts.values();
        jdbc.sql("INSERT INTO incident_fact (" + COLUMNS + ") VALUES (:id, :org, :detected, :aware, :known, :started,"
                        + " :resolved, :breach, :significant, :reason, 0) ON CONFLICT DO NOTHING")
                .param("id", facts.incidentId().value())
                .param("org", facts.organisationId())
                .param("detected", utc(v.detectedAt()))
                .param("aware", utc(v.becameAwareAt()))
                .param("known", utc(v.personalDataKnownAt()))
                .param("started", utc(v.startedAt()))
                .param("resolved", utc(v.resolvedAt()))
                .param("breach", v.personalDataBreach().name())
                .param("significant", v.significant().name())
                .param("reason", v.breachReason())
                .update();
        return find(facts.incidentId()).orElseThrow();
    }

    /** Writes changed facts and their history if nobody changed them since they were loaded; refused otherwise. */
    void update(IncidentFacts facts, Actor by, Instant now) {
        IncidentFacts.Values v = facts.values();
        int written = jdbc.sql("""
                        UPDATE incident_fact SET detected_at = :detected, became_aware_at = :aware,
                            personal_data_known_at = :known, started_at = :started, resolved_at = :resolved,
                            personal_data_breach = :breach, significant = :significant, breach_reason = :reason,
                            revision = revision + 1
                        WHERE incident_id = :id AND revision = :revision
                        """)
                .param("id", facts.incidentId().value())
                .param("revision", facts.revision())
                .param("detected", utc(v.detectedAt()))
                .param("aware", utc(v.becameAwareAt()))
                .param("known", utc(v.personalDataKnownAt()))
                .param("started", utc(v.startedAt()))
                .param("resolved", utc(v.resolvedAt()))
                .param("breach", v.personalDataBreach().name())
                .param("significant", v.significant().name())
                .param("reason", cut(v.breachReason(), 2000))
                .update();
        if (written != 1) {
            throw Refusal.conflict(STALE);
        }
        for (IncidentFacts.Change change : facts.changes()) {
            jdbc.sql(
                            "INSERT INTO incident_fact_change (id, incident_id, fact, old_value, new_value, changed_by,"
                                    + " changed_by_name, changed_at) VALUES (:id, :incident, :fact, :old, :new, :by, :name, :at)")
                    .param("id", UUID.randomUUID())
                    .param("incident", facts.incidentId().value())
                    .param("fact", change.fact())
                    .param("old", cut(change.oldValue(), 2000))
                    .param("new", cut(change.newValue(), 2000))
                    .param("by", by.id())
                    .param("name", cut(by.name(), 200))
                    .param("at", utc(now))
                    .update();
        }
    }

    /** One change of the history, newest first on the page. */
    record HistoryEntry(String fact, String oldValue, String newValue, String by, Instant at) {}

    List<HistoryEntry> history(IncidentId id) {
        return jdbc.sql("SELECT fact, old_value, new_value, changed_by_name, changed_at FROM incident_fact_change"
                        + " WHERE incident_id = :id ORDER BY changed_at DESC, fact")
                .param("id", id.value())
                .query((rs, row) -> new HistoryEntry(
                        rs.getString("fact"),
                        rs.getString("old_value"),
                        rs.getString("new_value"),
                        rs.getString("changed_by_name"),
                        instant(rs, "changed_at")))
                .list();
    }

    private static IncidentFacts facts(ResultSet rs) throws SQLException {
        return new IncidentFacts(
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                new IncidentFacts.Values(
                        instant(rs, "detected_at"),
                        instant(rs, "became_aware_at"),
                        instant(rs, "personal_data_known_at"),
                        instant(rs, "started_at"),
                        instant(rs, "resolved_at"),
                        Answer.valueOf(rs.getString("personal_data_breach")),
                        Answer.valueOf(rs.getString("significant")),
                        rs.getString("breach_reason")),
                rs.getInt("revision"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
