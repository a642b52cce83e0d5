package be.bolwerk.incident.notice;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code incident_notice}. An update names the revision it was read at and never touches a
 * submitted row, so a stale tab, a double click or a change after the submission writes nothing (the caller refuses).
 */
@Repository
class NoticeStore {

    private final JdbcClient jdbc;

    NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Notice n) {
        jdbc.sql("INSERT INTO incident_notice (id, incident_id, organisation_id, recipient_kind, obligation_id,"
                        + " field_keys, cover_text, revision, created_by, created_by_name, created_at, updated_by,"
                        + " updated_by_name, updated_at) VALUES (:id, :incident, :organisation, :recipient,"
                        + " :obligation, :fields, :cover, :revision, :by, :byName, :at, :by, :byName, :at)")
                .param("id", n.id())
                .param("incident", n.incidentId().value())
                .param("organisation", n.organisationId())
                .param("recipient", n.recipient().name())
                .param("obligation", n.obligationId())
                .param("fields", keys(n.fields()))
                .param("cover", n.cover())
                .param("revision", n.revision())
                .param("by", n.createdBy().id())
                .param("byName", n.createdBy().name())
                .param("at", utc(n.createdAt()))
                .update();
    }

    /** Writes the choice or the submission of a draft read at {@code seenRevision}; false when nothing was written. */
    boolean update(Notice n, int seenRevision) {
        Optional<Notice.Snapshot> s = n.snapshot();
        int written = jdbc.sql("UPDATE incident_notice SET field_keys = :fields, cover_text = :cover,"
                        + " revision = revision + 1, updated_by = :by, updated_by_name = :byName, updated_at = :at,"
                        + " submitted_text = :text, submitted_sha256 = :sha, submitted_fields = :submittedFields,"
                        + " submitted_at = :submittedAt, submitted_channel = :channel, submitted_reference = :ref"
                        + " WHERE id = :id AND incident_id = :incident AND revision = :revision"
                        + " AND submitted_at IS NULL")
                .param("fields", keys(n.fields()))
                .param("cover", n.cover())
                .param("by", n.updatedBy().id())
                .param("byName", n.updatedBy().name())
                .param("at", utc(n.updatedAt()))
                .param("text", s.map(Notice.Snapshot::text).orElse(null))
                .param("sha", s.map(Notice.Snapshot::sha256).orElse(null))
                .param("submittedFields", s.map(x -> keys(x.fields())).orElse(null))
                .param("submittedAt", s.map(x -> utc(x.submittedAt())).orElse(null))
                .param("channel", s.map(Notice.Snapshot::channel).orElse(null))
                .param("ref", s.map(Notice.Snapshot::externalReference).orElse(null))
                .param("id", n.id())
                .param("incident", n.incidentId().value())
                .param("revision", seenRevision)
                .update();
        if (written == 1) {
            n.stored();
        }
        return written == 1;
    }

    Optional<Notice> find(IncidentId incident, UUID id) {
        return jdbc.sql("SELECT * FROM incident_notice WHERE id = :id AND incident_id = :incident")
                .param("id", id)
                .param("incident", incident.value())
                .query(NoticeStore::map)
                .optional();
    }

    List<Notice> of(IncidentId incident) {
        return jdbc.sql("SELECT * FROM incident_notice WHERE incident_id = :incident ORDER BY created_at, id")
                .param("incident", incident.value())
                .query(NoticeStore::map)
                .list();
    }

    private static Notice map(ResultSet rs, int row) throws SQLException {
        Instant submittedAt = instant(rs, "submitted_at");
        Notice.Snapshot snapshot = submittedAt == null
                ? null
                : new Notice.Snapshot(
                        rs.getString("submitted_text"),
                        rs.getString("submitted_sha256"),
                        fields(rs.getString("submitted_fields")),
                        submittedAt,
                        rs.getString("submitted_channel"),
                        rs.getString("submitted_reference"));
        return new Notice(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                NoticeRecipient.valueOf(rs.getString("recipient_kind")),
                rs.getObject("obligation_id", UUID.class),
                fields(rs.getString("field_keys")),
                rs.getString("cover_text"),
                rs.getInt("revision"),
                new Actor(rs.getObject("created_by", UUID.class), rs.getString("created_by_name")),
                instant(rs, "created_at"),
                new Actor(rs.getObject("updated_by", UUID.class), rs.getString("updated_by_name")),
                instant(rs, "updated_at"),
                snapshot);
    }

    private static String keys(Set<NoticeField> fields) {
        return fields.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<NoticeField> fields(String keys) {
        return NoticeField.parse(keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(",")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
