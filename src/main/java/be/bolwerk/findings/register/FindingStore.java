package be.bolwerk.findings.register;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.intake.RepeatKey;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes a finding's tables: the finding, its history and its retests (ADR 0002). A finding from
 * a source is inserted at most once per source record (the unique key on organisation, source and source id), so an
 * event delivered twice leaves one finding. Saving is a conditional write on the revision that was loaded: of two
 * people acting on the same finding at once, the second is refused and sees the new state. Every write moves the
 * organisation's register version when the transaction commits ({@link RegisterVersions}, ADR 0046).
 */
@Repository("findingsFindingStore")
public class FindingStore {

    static final String STALE = "finding.rule.stale";

    private static final String COLUMNS = """
            id, organisation_id, title, description, source, source_id, source_parent, severity, cvss_vector,
            cvss_score, affected_system, recommendation, owner_id, owner_name, sla_start, due_date, planned_on, effort,
            control_ref, known_exploited, external_id, status, duplicate_of, status_reason, closed_at, created_by,
            created_at, revision""";

    private final JdbcClient jdbc;
    private final RegisterVersions versions;

    FindingStore(JdbcClient jdbc, RegisterVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    public Optional<Finding> find(FindingId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM finding WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> finding(rs))
                .optional();
    }

    /** A finding of the organisation from this source record, if it arrived before. */
    public Optional<Finding> fromSource(UUID organisationId, FindingSource source, UUID sourceId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM finding WHERE organisation_id = :org AND source = :source AND source_id = :sourceId")
                .param("org", organisationId)
                .param("source", source.name())
                .param("sourceId", sourceId)
                .query((rs, row) -> finding(rs))
                .optional();
    }

    /**
     * Inserts a new finding with its first history line; false (and nothing written) when the same source record
     * delivered it before.
     */
    public boolean insert(Finding f) {
        int written = jdbc.sql("INSERT INTO finding (" + COLUMNS + ") VALUES (:id, :org, :title, :description,"
                        + " :source, :sourceId, :sourceParent, :severity, :cvssVector, :cvssScore, :affectedSystem,"
                        + " :recommendation, :ownerId, :ownerName, :slaStart, :dueDate, :plannedOn, :effort,"
                        + " :controlRef, :knownExploited, :externalId, :status, :duplicateOf, :statusReason,"
                        + " :closedAt, :createdBy, :createdAt, 0) ON CONFLICT DO NOTHING")
                .params(params(f))
                .update();
        if (written == 1) {
            history(f);
            versions.changed(f.organisationId());
        }
        return written == 1;
    }

    /** Writes the changed finding if nobody changed it since it was loaded; refused otherwise. */
    public void update(Finding f) {
        int written =
                jdbc.sql("""
                        UPDATE finding SET title = :title, description = :description, severity = :severity,
                            cvss_vector = :cvssVector, cvss_score = :cvssScore, affected_system = :affectedSystem,
                            recommendation = :recommendation, owner_id = :ownerId, owner_name = :ownerName,
                            sla_start = :slaStart, due_date = :dueDate, planned_on = :plannedOn, effort = :effort,
                            control_ref = :controlRef, known_exploited = :knownExploited, external_id = :externalId,
                            status = :status, duplicate_of = :duplicateOf, status_reason = :statusReason,
                            closed_at = :closedAt, revision = revision + 1
                        WHERE id = :id AND revision = :revision
                        """).params(params(f)).param("revision", f.revision()).update();
        if (written != 1) {
            throw Refusal.conflict(STALE);
        }
        history(f);
        versions.changed(f.organisationId());
        Retest retest = f.newRetest();
        if (retest != null) {
            jdbc.sql("""
                            INSERT INTO finding_retest (id, finding_id, organisation_id, tested_on, tester, result, note,
                                recorded_by, recorded_at)
                            VALUES (:id, :finding, :org, :testedOn, :tester, :result, :note, :by, :at)
                            """)
                    .param("id", retest.id())
                    .param("finding", f.id().value())
                    .param("org", f.organisationId())
                    .param("testedOn", retest.testedOn())
                    .param("tester", truncate(retest.tester(), 200))
                    .param("result", retest.result().name())
                    .param("note", retest.note() == null ? null : truncate(retest.note(), 2000))
                    .param("by", retest.recordedBy())
                    .param("at", utc(retest.recordedAt()))
                    .update();
        }
    }

    public List<Step> history(FindingId id) {
        return jdbc.sql("""
                        SELECT step, actor, actor_name, at, note FROM finding_history
                        WHERE finding_id = :id ORDER BY seq
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

    public List<Retest> retests(FindingId id) {
        return jdbc.sql("""
                        SELECT id, tested_on, tester, result, note, recorded_by, recorded_at FROM finding_retest
                        WHERE finding_id = :id ORDER BY tested_on, recorded_at
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Retest(
                        rs.getObject("id", UUID.class),
                        rs.getObject("tested_on", LocalDate.class),
                        rs.getString("tester"),
                        RetestResult.valueOf(rs.getString("result")),
                        rs.getString("note"),
                        rs.getObject("recorded_by", UUID.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The open audit findings of one audit whose SLA has not been restarted at the report yet. */
    List<FindingId> awaitingReport(UUID organisationId, UUID auditOrderId) {
        return jdbc.sql("""
                        SELECT f.id FROM finding f
                        WHERE f.organisation_id = :org AND f.source = 'AUDIT' AND f.source_parent = :order
                          AND f.status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'REOPENED')
                          AND NOT EXISTS (SELECT 1 FROM finding_history h
                              WHERE h.finding_id = f.id AND h.step = 'SLA_RESTARTED')
                        ORDER BY f.created_at, f.id
                        """)
                .param("org", organisationId)
                .param("order", auditOrderId)
                .query((rs, row) -> new FindingId(rs.getObject("id", UUID.class)))
                .list();
    }

    private void history(Finding f) {
        for (Step step : f.newSteps()) {
            jdbc.sql("""
                            INSERT INTO finding_history (finding_id, organisation_id, seq, step, actor, actor_name, at,
                                note)
                            SELECT :id, :org, COALESCE(MAX(seq), 0) + 1, :step, :actor, :actorName, :at, :note
                            FROM finding_history WHERE finding_id = :id
                            """)
                    .param("id", f.id().value())
                    .param("org", f.organisationId())
                    .param("step", step.kind().name())
                    .param("actor", step.actor())
                    .param("actorName", truncate(step.actorName(), 200))
                    .param("at", utc(step.at()))
                    .param("note", step.note() == null ? null : truncate(step.note(), 2000))
                    .update();
        }
    }

    private static Map<String, Object> params(Finding f) {
        Finding.Details d = f.details();
        Map<String, Object> p = new HashMap<>();
        p.put("id", f.id().value());
        p.put("org", f.organisationId());
        p.put("title", truncate(d.title(), 300));
        p.put("description", truncate(d.description(), 8000));
        p.put("source", f.origin().source().name());
        p.put("sourceId", f.origin().sourceId());
        p.put("sourceParent", f.origin().sourceParent());
        p.put("severity", d.severity().name());
        p.put("cvssVector", f.cvssVector());
        p.put("cvssScore", f.cvssScore());
        p.put("affectedSystem", truncate(d.affectedSystem(), 300));
        p.put("recommendation", truncate(d.recommendation(), 8000));
        p.put("ownerId", f.ownerId());
        p.put("ownerName", f.ownerName());
        p.put("slaStart", f.slaStart());
        p.put("dueDate", f.dueDate());
        p.put("plannedOn", d.plannedOn());
        p.put("effort", d.effort() == null ? null : d.effort().name());
        p.put("controlRef", truncate(d.controlRef(), 100));
        p.put("knownExploited", d.knownExploited());
        p.put("externalId", truncate(d.externalId(), 200));
        p.put("status", f.status().name());
        p.put("duplicateOf", f.duplicateOf() == null ? null : f.duplicateOf().value());
        p.put("statusReason", f.statusReason() == null ? null : truncate(f.statusReason(), 2000));
        p.put("closedAt", utc(f.closedAt()));
        p.put("createdBy", f.createdBy());
        p.put("createdAt", utc(f.createdAt()));
        return p;
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        String effort = rs.getString("effort");
        UUID duplicateOf = rs.getObject("duplicate_of", UUID.class);
        return new Finding(
                new FindingId(rs.getObject("id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                new Finding.Origin(
                        FindingSource.valueOf(rs.getString("source")),
                        rs.getObject("source_id", UUID.class),
                        rs.getObject("source_parent", UUID.class)),
                new Finding.Details(
                        rs.getString("title"),
                        rs.getString("description"),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getString("affected_system"),
                        rs.getString("recommendation"),
                        rs.getObject("planned_on", LocalDate.class),
                        effort == null ? null : Effort.valueOf(effort),
                        rs.getString("control_ref"),
                        rs.getBoolean("known_exploited"),
                        rs.getString("external_id")),
                rs.getString("cvss_vector"),
                rs.getBigDecimal("cvss_score"),
                rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"),
                rs.getObject("sla_start", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                FindingStatus.valueOf(rs.getString("status")),
                duplicateOf == null ? null : new FindingId(duplicateOf),
                rs.getString("status_reason"),
                instant(rs.getObject("closed_at", OffsetDateTime.class)),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("revision"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    // Imports (ADR 0029)

    /**
     * The findings of the organisation that earlier imports recognised by one of these keys, key by key (looked up
     * on the indexed hash of each key, in chunks so that a large file stays a few queries).
     */
    public Map<RepeatKey, FindingId> byRepeatKeys(UUID organisationId, Collection<RepeatKey> keys) {
        Map<String, RepeatKey> byHash = new HashMap<>();
        keys.forEach(key -> byHash.put(keyHash(key), key));
        Map<RepeatKey, FindingId> found = new HashMap<>();
        List<String> hashes = List.copyOf(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += 500) {
            jdbc.sql("SELECT key_hash, finding_id FROM finding_repeat_key"
                            + " WHERE organisation_id = :org AND key_hash IN (:hashes)")
                    .param("org", organisationId)
                    .param("hashes", hashes.subList(from, Math.min(hashes.size(), from + 500)))
                    .query((rs, row) -> {
                        found.put(
                                byHash.get(rs.getString("key_hash")),
                                new FindingId(rs.getObject("finding_id", UUID.class)));
                        return null;
                    })
                    .list();
        }
        return found;
    }

    /**
     * Remembers what recognises the finding in a later import. Returns the keys that another finding of the
     * organisation holds already (none after a lookup in the same transaction, unless an import ran at once).
     */
    public List<RepeatKey> rememberKeys(Finding f, Collection<RepeatKey> keys) {
        List<RepeatKey> taken = new java.util.ArrayList<>();
        for (RepeatKey key : keys) {
            int written = jdbc.sql("""
                            INSERT INTO finding_repeat_key (organisation_id, key_hash, kind, key_value, finding_id)
                            VALUES (:org, :hash, :kind, :value, :finding) ON CONFLICT DO NOTHING
                            """)
                    .param("org", f.organisationId())
                    .param("hash", keyHash(key))
                    .param("kind", key.kind().name())
                    .param("value", truncate(key.value(), 2000))
                    .param("finding", f.id().value())
                    .update();
            if (written == 0
                    && !f.id().equals(byRepeatKeys(f.organisationId(), List.of(key))
                            .get(key))) {
                taken.add(key);
            }
        }
        return taken;
    }

    /** The SHA-256 of a key's kind and value, hex: what the index holds. */
    static String keyHash(RepeatKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((key.kind().name() + "\n" + key.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
