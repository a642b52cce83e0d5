package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes a risk acceptance's tables (ADR 0002): the acceptance, the findings it covers, its
 * history and its proof file. Saving is a conditional write on the revision that was loaded: of two admins deciding
 * at once, or the expiry job and a revocation, the second is refused and sees the new state.
 */
@Repository
public class RiskAcceptanceStore {

    static final String STALE = "findings.acceptance.rule.stale";

    private static final String COLUMNS = """
            id, organisation_id, title, decision, measures, reference, owner_id, owner_name, expires_on, status,
            status_reason, proposed_by, proposed_by_name, proposed_at, decided_by, decided_at, ended_on, proof_name,
            proof_size, revision""";

    private final JdbcClient jdbc;

    RiskAcceptanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RiskAcceptance> find(RiskAcceptanceId id) {
        List<FindingId> findings = findingsOf(id);
        return jdbc.sql("SELECT " + COLUMNS + " FROM risk_acceptance WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> acceptance(rs, findings))
                .optional();
    }

    /** Inserts a new proposal with its findings, its first history line and its proof file (null: none). */
    public void insert(RiskAcceptance a, byte[] proof) {
        RiskAcceptance.Terms t = a.terms();
        jdbc.sql("INSERT INTO risk_acceptance (" + COLUMNS + ") VALUES (:id, :org, :title, :decision, :measures,"
                        + " :reference, :ownerId, :ownerName, :expiresOn, :status, :statusReason, :proposedBy,"
                        + " :proposedByName, :proposedAt, :decidedBy, :decidedAt, :endedOn, :proofName, :proofSize, 0)")
                .param("id", a.id().value())
                .param("org", a.organisationId())
                .param("title", truncate(t.title(), 300))
                .param("decision", t.decision().name())
                .param("measures", truncate(t.measures(), 4000))
                .param("reference", truncate(t.reference(), 300))
                .param("ownerId", t.ownerId())
                .param("ownerName", truncate(t.ownerName(), 200))
                .param("expiresOn", t.expiresOn())
                .param("status", a.status().name())
                .param("statusReason", a.statusReason())
                .param("proposedBy", a.proposedBy())
                .param("proposedByName", truncate(a.proposedByName(), 200))
                .param("proposedAt", utc(a.proposedAt()))
                .param("decidedBy", a.decidedBy())
                .param("decidedAt", utc(a.decidedAt()))
                .param("endedOn", a.endedOn())
                .param("proofName", a.proof() == null ? null : a.proof().name())
                .param("proofSize", a.proof() == null ? null : a.proof().size())
                .update();
        for (FindingId finding : a.findings()) {
            jdbc.sql("""
                            INSERT INTO risk_acceptance_finding (acceptance_id, finding_id, organisation_id)
                            VALUES (:id, :finding, :org)
                            """)
                    .param("id", a.id().value())
                    .param("finding", finding.value())
                    .param("org", a.organisationId())
                    .update();
        }
        if (proof != null) {
            jdbc.sql("INSERT INTO risk_acceptance_proof (acceptance_id, content) VALUES (:id, :content)")
                    .param("id", a.id().value())
                    .param("content", proof)
                    .update();
        }
        history(a);
    }

    /** Writes the new state if nobody changed the acceptance since it was loaded; refused otherwise. */
    public void update(RiskAcceptance a) {
        int written = jdbc.sql("""
                        UPDATE risk_acceptance SET status = :status, status_reason = :statusReason,
                            decided_by = :decidedBy, decided_at = :decidedAt, ended_on = :endedOn,
                            revision = revision + 1
                        WHERE id = :id AND revision = :revision
                        """)
                .param("status", a.status().name())
                .param("statusReason", a.statusReason() == null ? null : truncate(a.statusReason(), 2000))
                .param("decidedBy", a.decidedBy())
                .param("decidedAt", utc(a.decidedAt()))
                .param("endedOn", a.endedOn())
                .param("id", a.id().value())
                .param("revision", a.revision())
                .update();
        if (written != 1) {
            throw Refusal.conflict(STALE);
        }
        history(a);
    }

    public List<AcceptanceStep> history(RiskAcceptanceId id) {
        return jdbc.sql("""
                        SELECT step, actor, actor_name, at, note FROM risk_acceptance_history
                        WHERE acceptance_id = :id ORDER BY seq
                        """)
                .param("id", id.value())
                .query((rs, row) -> new AcceptanceStep(
                        AcceptanceStep.Kind.valueOf(rs.getString("step")),
                        rs.getObject("actor", UUID.class),
                        rs.getString("actor_name"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    public Optional<byte[]> proof(RiskAcceptanceId id) {
        return jdbc.sql("SELECT content FROM risk_acceptance_proof WHERE acceptance_id = :id")
                .param("id", id.value())
                .query((rs, row) -> rs.getBytes("content"))
                .optional();
    }

    /** The acceptance that holds the finding or is about to (proposed or active), if any. */
    public Optional<RiskAcceptanceId> holding(FindingId finding) {
        return jdbc.sql("""
                        SELECT a.id FROM risk_acceptance a
                        JOIN risk_acceptance_finding f ON f.acceptance_id = a.id
                        WHERE f.finding_id = :finding AND a.status IN ('PROPOSED', 'APPROVED', 'ACTIVE')
                        ORDER BY a.proposed_at DESC LIMIT 1
                        """)
                .param("finding", finding.value())
                .query((rs, row) -> new RiskAcceptanceId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /** Active acceptances whose expiry date came on or before {@code today}, oldest first. */
    List<RiskAcceptanceId> dueToExpire(LocalDate today) {
        return ids(
                "SELECT id FROM risk_acceptance WHERE status = 'ACTIVE' AND expires_on <= :today"
                        + " ORDER BY expires_on, id",
                today);
    }

    /** Active acceptances that expire within 30 days after {@code today}: their owners are warned. */
    List<RiskAcceptanceId> dueForWarning(LocalDate today) {
        return jdbc.sql("""
                        SELECT id FROM risk_acceptance
                        WHERE status = 'ACTIVE' AND expires_on > :today AND expires_on <= :until
                        ORDER BY expires_on, id
                        """)
                .param("today", today)
                .param("until", today.plusDays(30))
                .query((rs, row) -> new RiskAcceptanceId(rs.getObject("id", UUID.class)))
                .list();
    }

    private List<RiskAcceptanceId> ids(String sql, LocalDate today) {
        return jdbc.sql(sql)
                .param("today", today)
                .query((rs, row) -> new RiskAcceptanceId(rs.getObject("id", UUID.class)))
                .list();
    }

    private List<FindingId> findingsOf(RiskAcceptanceId id) {
        return jdbc.sql("SELECT finding_id FROM risk_acceptance_finding WHERE acceptance_id = :id ORDER BY finding_id")
                .param("id", id.value())
                .query((rs, row) -> new FindingId(rs.getObject("finding_id", UUID.class)))
                .list();
    }

    private void history(RiskAcceptance a) {
        for (AcceptanceStep step : a.newSteps()) {
            jdbc.sql("""
                            INSERT INTO risk_acceptance_history (acceptance_id, organisation_id, seq, step, actor,
                                actor_name, at, note)
                            SELECT :id, :org, COALESCE(MAX(seq), 0) + 1, :step, :actor, :actorName, :at, :note
                            FROM risk_acceptance_history WHERE acceptance_id = :id
                            """)
                    .param("id", a.id().value())
                    .param("org", a.organisationId())
                    .param("step", step.kind().name())
                    .param("actor", step.actor())
                    .param("actorName", truncate(step.actorName(), 200))
                    .param("at", utc(step.at()))
                    .param("note", step.note() == null ? null : truncate(step.note(), 2000))
                    .update();
        }
    }

    private static RiskAcceptance acceptance(ResultSet rs, List<FindingId> findings) throws SQLException {
        String proofName = rs.getString("proof_name");
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new RiskAcceptance(
                new RiskAcceptanceId(rs.getObject("id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                new RiskAcceptance.Terms(
                        rs.getString("title"),
                        RiskDecision.valueOf(rs.getString("decision")),
                        rs.getString("measures"),
                        rs.getString("reference"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getString("owner_name"),
                        rs.getObject("expires_on", LocalDate.class)),
                findings,
                rs.getObject("proposed_by", UUID.class),
                rs.getString("proposed_by_name"),
                rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
                proofName == null ? null : new RiskAcceptance.ProofFile(proofName, rs.getInt("proof_size")),
                AcceptanceStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getObject("decided_by", UUID.class),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getObject("ended_on", LocalDate.class),
                rs.getInt("revision"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
