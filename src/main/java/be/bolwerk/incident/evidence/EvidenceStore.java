package be.bolwerk.incident.evidence;

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
 * The one writer of {@code incident_evidence} and {@code incident_custody} (a file and its chain belong together).
 * Nothing is updated or deleted: files and custody lines go only with their incident.
 */
@Repository
class EvidenceStore {

    private static final String COLUMNS = "id, incident_id, organisation_id, file_name, size_bytes, sha256, tlp,"
            + " description, uploaded_at, uploaded_by, uploaded_by_name";

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EvidenceFile file, byte[] content) {
        jdbc.sql("INSERT INTO incident_evidence (" + COLUMNS + ", content) VALUES (:id, :incident, :organisation,"
                        + " :name, :size, :sha, :tlp, :description, :at, :by, :byName, :content)")
                .param("id", file.id())
                .param("incident", file.incidentId().value())
                .param("organisation", file.organisationId())
                .param("name", file.fileName())
                .param("size", file.size())
                .param("sha", file.sha256())
                .param("tlp", file.tlp().name())
                .param("description", file.description())
                .param("at", utc(file.uploadedAt()))
                .param("by", file.uploadedBy().id())
                .param("byName", file.uploadedBy().name())
                .param("content", content)
                .update();
    }

    void append(EvidenceFile file, Custody custody) {
        jdbc.sql("INSERT INTO incident_custody (id, evidence_id, incident_id, organisation_id, action, happened_at,"
                        + " by_id, by_name, handed_to, reason) VALUES (:id, :evidence, :incident, :organisation,"
                        + " :action, :at, :by, :byName, :to, :reason)")
                .param("id", custody.id())
                .param("evidence", file.id())
                .param("incident", file.incidentId().value())
                .param("organisation", file.organisationId())
                .param("action", custody.action().name())
                .param("at", utc(custody.at()))
                .param("by", custody.by().id())
                .param("byName", custody.by().name())
                .param("to", custody.handedTo())
                .param("reason", custody.reason())
                .update();
    }

    List<EvidenceFile> of(IncidentId incident) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_evidence WHERE incident_id = :incident"
                        + " ORDER BY uploaded_at, id")
                .param("incident", incident.value())
                .query(EvidenceStore::file)
                .list();
    }

    Optional<EvidenceFile> find(IncidentId incident, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_evidence WHERE incident_id = :incident AND id = :id")
                .param("incident", incident.value())
                .param("id", id)
                .query(EvidenceStore::file)
                .optional();
    }

    byte[] content(IncidentId incident, UUID id) {
        return jdbc.sql("SELECT content FROM incident_evidence WHERE incident_id = :incident AND id = :id")
                .param("incident", incident.value())
                .param("id", id)
                .query((rs, row) -> rs.getBytes("content"))
                .single();
    }

    /** The custody lines of all the incident's files, oldest first. */
    List<Custody> custody(IncidentId incident) {
        return jdbc.sql("SELECT id, evidence_id, action, happened_at, by_id, by_name, handed_to, reason"
                        + " FROM incident_custody WHERE incident_id = :incident ORDER BY happened_at, id")
                .param("incident", incident.value())
                .query((rs, row) -> new Custody(
                        rs.getObject("id", UUID.class),
                        rs.getObject("evidence_id", UUID.class),
                        CustodyAction.valueOf(rs.getString("action")),
                        instant(rs, "happened_at"),
                        new Actor(rs.getObject("by_id", UUID.class), rs.getString("by_name")),
                        rs.getString("handed_to"),
                        rs.getString("reason")))
                .list();
    }

    private static EvidenceFile file(ResultSet rs, int row) throws SQLException {
        return new EvidenceFile(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("file_name"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                Tlp.valueOf(rs.getString("tlp")),
                rs.getString("description"),
                instant(rs, "uploaded_at"),
                new Actor(rs.getObject("uploaded_by", UUID.class), rs.getString("uploaded_by_name")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
