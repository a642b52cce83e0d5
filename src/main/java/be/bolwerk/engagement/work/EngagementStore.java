package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.scope.Consent;
import be.bolwerk.engagement.scope.ConsentKind;
import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.scope.Technique;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes an engagement's tables: the engagement, its consents, its students and its history
 * (ADR 0002). Saving is a conditional write on the version that was loaded, so two people acting on the same
 * engagement at once do not overwrite each other: the second is refused and sees the new state.
 */
@Repository
public class EngagementStore {

    static final String STALE = "engagement.rule.stale";

    private static final String COLUMNS = """
            id, organisation_id, organisation, title, college, state, ip_ranges, domains, applications, time_windows,
            excluded, source_addresses, techniques, stop_contacts, credentials_handover, signed_by, signed_by_name,
            signed_at, signed_address, signed_hash, signed_text, evidence_delete_on, evidence_deleted_at,
            requested_by, requested_at, version""";

    /** A student assigned to an engagement. */
    public record Student(UUID accountId, String name, Instant assignedAt) {}

    private final JdbcClient jdbc;

    EngagementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Engagement> find(EngagementId id) {
        List<Consent> consents = consents(id);
        return jdbc.sql("SELECT " + COLUMNS + " FROM engagement WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> engagement(rs, consents))
                .optional();
    }

    public void insert(Engagement e) {
        jdbc.sql("INSERT INTO engagement (" + COLUMNS + ") VALUES (:id, :organisationId, :organisation, :title,"
                        + " :college, :state, :ipRanges, :domains, :applications, :timeWindows, :excluded,"
                        + " :sourceAddresses, :techniques, :stopContacts, :credentialsHandover, :signedBy,"
                        + " :signedByName, :signedAt, :signedAddress, :signedHash, :signedText, :deleteOn,"
                        + " :deletedAt, :requestedBy, :requestedAt, 0)")
                .params(params(e))
                .update();
        history(e);
    }

    /** Writes the changed engagement if nobody changed it since it was loaded; refused otherwise. */
    void update(Engagement e) {
        int written =
                jdbc.sql("""
                        UPDATE engagement SET title = :title, state = :state, ip_ranges = :ipRanges, domains = :domains,
                            applications = :applications, time_windows = :timeWindows, excluded = :excluded,
                            source_addresses = :sourceAddresses, techniques = :techniques,
                            stop_contacts = :stopContacts, credentials_handover = :credentialsHandover,
                            signed_by = :signedBy, signed_by_name = :signedByName, signed_at = :signedAt,
                            signed_address = :signedAddress, signed_hash = :signedHash, signed_text = :signedText,
                            evidence_delete_on = :deleteOn, evidence_deleted_at = :deletedAt, version = version + 1
                        WHERE id = :id AND version = :version
                        """).params(params(e)).param("version", e.version()).update();
        if (written != 1) {
            throw Refusal.conflict(STALE);
        }
        history(e);
    }

    private static Map<String, Object> params(Engagement e) {
        Scope s = e.scope();
        Signature sig = e.signature();
        Map<String, Object> p = new HashMap<>();
        p.put("id", e.id().value());
        p.put("organisationId", e.organisationId());
        p.put("organisation", e.organisationName());
        p.put("title", e.title());
        p.put("college", e.college());
        p.put("state", e.state().name());
        p.put("ipRanges", Scope.text(s.ipRanges()));
        p.put("domains", Scope.text(s.domains()));
        p.put("applications", Scope.text(s.applications()));
        p.put("timeWindows", Scope.text(s.timeWindows()));
        p.put("excluded", Scope.text(s.excluded()));
        p.put("sourceAddresses", Scope.text(s.sourceAddresses()));
        p.put("techniques", s.techniques().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        p.put("stopContacts", Scope.text(s.stopContacts()));
        p.put("credentialsHandover", s.credentialsHandover());
        p.put("signedBy", sig == null ? null : sig.signerId());
        p.put("signedByName", sig == null ? null : sig.signerName());
        p.put("signedAt", sig == null ? null : utc(sig.at()));
        p.put("signedAddress", sig == null ? null : sig.clientAddress());
        p.put("signedHash", sig == null ? null : sig.sha256());
        p.put("signedText", sig == null ? null : sig.text());
        p.put("deleteOn", e.evidenceDeleteOn());
        p.put("deletedAt", utc(e.evidenceDeletedAt()));
        p.put("requestedBy", e.requestedBy());
        p.put("requestedAt", utc(e.requestedAt()));
        return p;
    }

    private void history(Engagement e) {
        for (Step step : e.newSteps()) {
            jdbc.sql("""
                            INSERT INTO engagement_history (engagement_id, seq, step, actor, actor_name, at, note)
                            SELECT :id, COALESCE(MAX(seq), 0) + 1, :step, :actor, :actorName, :at, :note
                            FROM engagement_history WHERE engagement_id = :id
                            """)
                    .param("id", e.id().value())
                    .param("step", step.kind().name())
                    .param("actor", step.actor())
                    .param("actorName", step.actorName())
                    .param("at", utc(step.at()))
                    .param("note", step.note() == null ? null : truncate(step.note(), 2000))
                    .update();
        }
    }

    public List<Step> history(EngagementId id) {
        return jdbc.sql("""
                        SELECT step, actor, actor_name, at, note FROM engagement_history
                        WHERE engagement_id = :id ORDER BY seq
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Step(
                        Step.Kind.valueOf(rs.getString("step")),
                        rs.getObject("actor", UUID.class),
                        rs.getString("actor_name"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    void addConsent(EngagementId id, UUID organisationId, Consent consent, byte[] content, UUID by, Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_consent (id, engagement_id, organisation_id, party, kind, name, sha256,
                            size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (:id, :engagement, :organisation, :party, :kind, :name, :sha, :size, :content, :by, :at)
                        """)
                .param("id", consent.id())
                .param("engagement", id.value())
                .param("organisation", organisationId)
                .param("party", consent.party())
                .param("kind", consent.kind().name())
                .param("name", consent.fileName())
                .param("sha", consent.sha256())
                .param("size", (long) content.length)
                .param("content", content)
                .param("by", by)
                .param("at", utc(at))
                .update();
    }

    void removeConsent(EngagementId id, UUID consentId) {
        jdbc.sql("DELETE FROM engagement_consent WHERE engagement_id = :engagement AND id = :id")
                .param("engagement", id.value())
                .param("id", consentId)
                .update();
    }

    public List<Consent> consents(EngagementId id) {
        return jdbc.sql("""
                        SELECT id, party, kind, name, sha256 FROM engagement_consent WHERE engagement_id = :id
                        ORDER BY uploaded_at, id
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Consent(
                        rs.getObject("id", UUID.class),
                        rs.getString("party"),
                        ConsentKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("sha256")))
                .list();
    }

    /** The stored consent document of this engagement. */
    public Optional<byte[]> consentContent(EngagementId id, UUID consentId) {
        return jdbc.sql("SELECT content FROM engagement_consent WHERE engagement_id = :engagement AND id = :id")
                .param("engagement", id.value())
                .param("id", consentId)
                .query((rs, row) -> rs.getBytes("content"))
                .optional();
    }

    /** Adds the students not assigned yet; returns the names of those added. */
    public List<String> assign(EngagementId id, List<Student> students, UUID by) {
        List<String> added = new ArrayList<>();
        for (Student student : students) {
            int written = jdbc.sql("""
                            INSERT INTO engagement_student (engagement_id, account_id, name, assigned_by, assigned_at)
                            SELECT :id, :account, :name, :by, :at
                            WHERE NOT EXISTS (SELECT 1 FROM engagement_student
                                WHERE engagement_id = :id AND account_id = :account)
                            """)
                    .param("id", id.value())
                    .param("account", student.accountId())
                    .param("name", student.name())
                    .param("by", by)
                    .param("at", utc(student.assignedAt()))
                    .update();
            if (written == 1) {
                added.add(student.name());
            }
        }
        return added;
    }

    public List<Student> students(EngagementId id) {
        return jdbc.sql("""
                        SELECT account_id, name, assigned_at FROM engagement_student WHERE engagement_id = :id
                        ORDER BY name
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Student(
                        rs.getObject("account_id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("assigned_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public boolean isAssigned(EngagementId id, UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM engagement_student WHERE engagement_id = :id AND account_id = :account")
                        .param("id", id.value())
                        .param("account", accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Engagements whose evidence deletion date has passed and whose files are not deleted yet. */
    List<EngagementId> evidenceDue(LocalDate today) {
        return jdbc.sql("""
                        SELECT id FROM engagement WHERE evidence_delete_on < :today AND evidence_deleted_at IS NULL
                        ORDER BY evidence_delete_on, id
                        """)
                .param("today", today)
                .query((rs, row) -> new EngagementId(rs.getObject("id", UUID.class)))
                .list();
    }

    private static Engagement engagement(ResultSet rs, List<Consent> consents) throws SQLException {
        Set<Technique> techniques = Arrays.stream(rs.getString("techniques").split(","))
                .filter(t -> !t.isBlank())
                .map(Technique::valueOf)
                .collect(Collectors.toSet());
        Scope scope = new Scope(
                lines(rs.getString("ip_ranges")),
                lines(rs.getString("domains")),
                lines(rs.getString("applications")),
                lines(rs.getString("time_windows")),
                lines(rs.getString("excluded")),
                lines(rs.getString("source_addresses")),
                techniques,
                lines(rs.getString("stop_contacts")),
                rs.getString("credentials_handover"),
                consents);
        String hash = rs.getString("signed_hash");
        Signature signature = hash == null
                ? null
                : new Signature(
                        rs.getObject("signed_by", UUID.class),
                        rs.getString("signed_by_name"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("signed_address"),
                        hash.strip(),
                        rs.getString("signed_text"));
        OffsetDateTime deletedAt = rs.getObject("evidence_deleted_at", OffsetDateTime.class);
        return new Engagement(
                new EngagementId(rs.getObject("id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation"),
                rs.getString("title"),
                rs.getString("college"),
                EngagementState.valueOf(rs.getString("state")),
                scope,
                signature,
                rs.getObject("evidence_delete_on", LocalDate.class),
                deletedAt == null ? null : deletedAt.toInstant(),
                rs.getObject("requested_by", UUID.class),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
