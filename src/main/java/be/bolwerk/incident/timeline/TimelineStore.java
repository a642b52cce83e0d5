package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
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
 * The one writer of {@code incident_entry}, and append-only on purpose: it inserts and reads, it has no update and
 * no delete (a correction is an insert that names the entry it corrects). Every read filters by the incident.
 */
@Repository
class TimelineStore {

    private static final String COLUMNS = "id, incident_id, organisation_id, kind, body, occurred_at, recorded_at,"
            + " author_id, author_name, tlp, corrects, asset_id, status_from, status_to";

    private final JdbcClient jdbc;

    TimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(Entry entry) {
        jdbc.sql("INSERT INTO incident_entry (" + COLUMNS + ") VALUES (:id, :incident, :organisation, :kind, :body,"
                        + " :occurred, :recorded, :author, :authorName, :tlp, :corrects, :asset, :from, :to)")
                .param("id", entry.id())
                .param("incident", entry.incidentId().value())
                .param("organisation", entry.organisationId())
                .param("kind", entry.kind().name())
                .param("body", entry.text())
                .param("occurred", utc(entry.occurredAt()))
                .param("recorded", utc(entry.recordedAt()))
                .param("author", entry.author().id())
                .param("authorName", entry.author().name())
                .param("tlp", entry.tlp().name())
                .param("corrects", entry.corrects())
                .param("asset", entry.assetId())
                .param(
                        "from",
                        entry.statusFrom() == null ? null : entry.statusFrom().name())
                .param("to", entry.statusTo() == null ? null : entry.statusTo().name())
                .update();
    }

    /** The incident's entries, by when they happened (and were recorded); of one kind when {@code kind} is set. */
    List<Entry> of(IncidentId incident, EntryKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_entry WHERE incident_id = :incident"
                        + (kind == null ? "" : " AND kind = :kind")
                        + " ORDER BY occurred_at, recorded_at, id")
                .param("incident", incident.value())
                .param("kind", kind == null ? null : kind.name())
                .query(TimelineStore::entry)
                .list();
    }

    /** The entries that correct others, of every kind: a filtered page still shows that an entry was corrected. */
    List<Entry> corrections(IncidentId incident) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_entry WHERE incident_id = :incident"
                        + " AND corrects IS NOT NULL ORDER BY recorded_at, id")
                .param("incident", incident.value())
                .query(TimelineStore::entry)
                .list();
    }

    Optional<Entry> find(IncidentId incident, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_entry WHERE incident_id = :incident AND id = :id")
                .param("incident", incident.value())
                .param("id", id)
                .query(TimelineStore::entry)
                .optional();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("status_from");
        String to = rs.getString("status_to");
        return new Entry(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                EntryKind.valueOf(rs.getString("kind")),
                rs.getString("body"),
                instant(rs, "occurred_at"),
                instant(rs, "recorded_at"),
                new Actor(rs.getObject("author_id", UUID.class), rs.getString("author_name")),
                Tlp.valueOf(rs.getString("tlp")),
                rs.getObject("corrects", UUID.class),
                rs.getObject("asset_id", UUID.class),
                from == null ? null : Compromise.valueOf(from),
                to == null ? null : Compromise.valueOf(to));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
