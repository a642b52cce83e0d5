package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes findings and their evidence files (ADR 0002). A review is a conditional write on the
 * state the supervisor saw, so a finding is never reviewed twice at once.
 */
@Repository
public class FindingStore {

    private static final String COLUMNS = """
            id, engagement_id, organisation_id, title, severity, description, state, remark, reported_by,
            reported_by_name, reported_at, reviewed_by, reviewed_at""";

    /** An evidence file as the page lists it. */
    public record EvidenceItem(UUID id, UUID findingId, String name, long size, Instant uploadedAt) {}

    /** A stored evidence file to send back. */
    public record Download(String name, String contentType, byte[] content) {}

    private final JdbcClient jdbc;

    FindingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Finding f) {
        jdbc.sql("INSERT INTO engagement_finding (" + COLUMNS + ") VALUES (:id, :engagement, :organisation, :title,"
                        + " :severity, :description, :state, :remark, :reportedBy, :reportedByName, :reportedAt,"
                        + " :reviewedBy, :reviewedAt)")
                .params(params(f))
                .update();
    }

    /** Writes the new state of a finding that was still in the state {@code seen}; refused otherwise. */
    void update(Finding f, Finding.State seen) {
        int written = jdbc.sql("""
                        UPDATE engagement_finding SET title = :title, severity = :severity, description = :description,
                            state = :state, remark = :remark, reported_at = :reportedAt, reviewed_by = :reviewedBy,
                            reviewed_at = :reviewedAt
                        WHERE id = :id AND engagement_id = :engagement AND state = :seen
                        """).params(params(f)).param("seen", seen.name()).update();
        if (written != 1) {
            throw Refusal.conflict(EngagementStore.STALE);
        }
    }

    private static Map<String, Object> params(Finding f) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", f.id());
        p.put("engagement", f.engagementId().value());
        p.put("organisation", f.organisationId());
        p.put("title", f.title());
        p.put("severity", f.severity().name());
        p.put("description", f.description());
        p.put("state", f.state().name());
        p.put("remark", f.remark());
        p.put("reportedBy", f.reportedBy());
        p.put("reportedByName", f.reportedByName());
        p.put("reportedAt", EngagementStore.utc(f.reportedAt()));
        p.put("reviewedBy", f.reviewedBy());
        p.put("reviewedAt", EngagementStore.utc(f.reviewedAt()));
        return p;
    }

    public Optional<Finding> find(EngagementId engagement, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM engagement_finding WHERE engagement_id = :engagement AND id = :id")
                .param("engagement", engagement.value())
                .param("id", id)
                .query(FindingStore::finding)
                .optional();
    }

    /** Every finding of the engagement, oldest first. */
    public List<Finding> of(EngagementId engagement) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM engagement_finding WHERE engagement_id = :engagement ORDER BY reported_at, id")
                .param("engagement", engagement.value())
                .query(FindingStore::finding)
                .list();
    }

    /** The accepted findings only: what the organisation sees. */
    public List<Finding> accepted(EngagementId engagement) {
        return of(engagement).stream()
                .filter(f -> f.state() == Finding.State.ACCEPTED)
                .toList();
    }

    public void addEvidence(Finding finding, String name, String contentType, byte[] content, UUID by, Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_evidence (id, finding_id, engagement_id, organisation_id, name,
                            content_type, size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (:id, :finding, :engagement, :organisation, :name, :type, :size, :content, :by, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("finding", finding.id())
                .param("engagement", finding.engagementId().value())
                .param("organisation", finding.organisationId())
                .param("name", name)
                .param("type", contentType)
                .param("size", (long) content.length)
                .param("content", content)
                .param("by", by)
                .param("at", EngagementStore.utc(at))
                .update();
    }

    public List<EvidenceItem> evidence(EngagementId engagement) {
        return jdbc.sql("""
                        SELECT id, finding_id, name, size_bytes, uploaded_at FROM engagement_evidence
                        WHERE engagement_id = :engagement ORDER BY uploaded_at, id
                        """)
                .param("engagement", engagement.value())
                .query((rs, row) -> new EvidenceItem(
                        rs.getObject("id", UUID.class),
                        rs.getObject("finding_id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("size_bytes"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** An evidence file of this engagement, with the finding it belongs to. */
    public Optional<UUID> findingOfEvidence(EngagementId engagement, UUID evidenceId) {
        return jdbc.sql("SELECT finding_id FROM engagement_evidence WHERE engagement_id = :engagement AND id = :id")
                .param("engagement", engagement.value())
                .param("id", evidenceId)
                .query(UUID.class)
                .optional();
    }

    public Optional<Download> download(EngagementId engagement, UUID evidenceId) {
        return jdbc.sql("""
                        SELECT name, content_type, content FROM engagement_evidence
                        WHERE engagement_id = :engagement AND id = :id
                        """)
                .param("engagement", engagement.value())
                .param("id", evidenceId)
                .query((rs, row) ->
                        new Download(rs.getString("name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** Deletes every evidence file of the engagement; returns how many there were. */
    int deleteEvidence(EngagementId engagement) {
        return jdbc.sql("DELETE FROM engagement_evidence WHERE engagement_id = :engagement")
                .param("engagement", engagement.value())
                .update();
    }

    private static Finding finding(ResultSet rs, int row) throws SQLException {
        OffsetDateTime reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class);
        return new Finding(
                rs.getObject("id", UUID.class),
                new EngagementId(rs.getObject("engagement_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("title"),
                Finding.Severity.valueOf(rs.getString("severity")),
                rs.getString("description"),
                Finding.State.valueOf(rs.getString("state")),
                rs.getString("remark"),
                rs.getObject("reported_by", UUID.class),
                rs.getString("reported_by_name"),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
                rs.getObject("reviewed_by", UUID.class),
                reviewedAt == null ? null : reviewedAt.toInstant());
    }
}
