package be.bolwerk.incident.support;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes {@code emergency_support}. A step is a conditional update on the revision loaded: of
 * two people deciding at once the second is refused and sees the new state (and the funding module never commits
 * for the second, because the step is written before the use case returns and the transaction rolls back as one).
 */
@Repository
class SupportStore {

    static final String STALE = "incident.support.rule.stale";

    private final JdbcClient jdbc;

    SupportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EmergencySupport> find(UUID id) {
        return jdbc.sql("SELECT * FROM emergency_support WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> support(rs))
                .optional();
    }

    List<EmergencySupport> ofIncident(IncidentId incident) {
        return jdbc.sql("SELECT * FROM emergency_support WHERE incident_id = :id ORDER BY requested_at, id")
                .param("id", incident.value())
                .query((rs, row) -> support(rs))
                .list();
    }

    /** The requests in these statuses (all when empty), newest first, one page. */
    List<EmergencySupport> page(Set<SupportStatus> statuses, int offset, int size) {
        return jdbc.sql("SELECT * FROM emergency_support" + where(statuses)
                        + " ORDER BY requested_at DESC, id DESC LIMIT :size OFFSET :offset")
                .params(statusParams(statuses))
                .param("size", size)
                .param("offset", offset)
                .query((rs, row) -> support(rs))
                .list();
    }

    long count(Set<SupportStatus> statuses) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency_support" + where(statuses))
                .params(statusParams(statuses))
                .query(Long.class)
                .single();
    }

    void insert(EmergencySupport s) {
        jdbc.sql("""
                        INSERT INTO emergency_support (id, incident_id, organisation_id, reference, incident_reference,
                            purpose, supplier, amount, motivation, status, requested_by, requester_name, requested_at,
                            revision)
                        VALUES (:id, :incident, :org, :reference, :incidentReference, :purpose, :supplier, :amount,
                            :motivation, :status, :by, :byName, :at, 0)
                        """)
                .param("id", s.id())
                .param("incident", s.incidentId().value())
                .param("org", s.organisationId())
                .param("reference", s.reference())
                .param("incidentReference", s.incidentReference())
                .param("purpose", s.request().purpose())
                .param("supplier", s.request().supplier())
                .param("amount", s.request().amount())
                .param("motivation", s.request().motivation())
                .param("status", s.status().name())
                .param("by", s.requester().id())
                .param("byName", s.requester().name())
                .param("at", utc(s.requestedAt()))
                .update();
    }

    void update(EmergencySupport s) {
        EmergencySupport.Progress p = s.progress();
        Map<String, Object> params = new HashMap<>();
        params.put("status", p.status().name());
        params.put("advice", p.advice());
        params.put("recommended", p.recommendedAmount());
        params.put("adviser", p.adviser() == null ? null : p.adviser().id());
        params.put("adviserName", p.adviser() == null ? null : p.adviser().name());
        params.put("advisedAt", utc(p.advisedAt()));
        params.put("reason", p.decisionReason());
        params.put("decider", p.decider() == null ? null : p.decider().id());
        params.put("deciderName", p.decider() == null ? null : p.decider().name());
        params.put("decidedAt", utc(p.decidedAt()));
        params.put("line", p.budgetLineId());
        params.put("commitment", p.commitmentId());
        params.put("invoice", p.invoiceNumber());
        params.put("programme", p.programmePaid());
        params.put("organisation", p.organisationPaid());
        params.put("paidAt", utc(p.paidAt()));
        EmergencySupport.Cancellation c = p.cancellation();
        params.put("cancelReason", c == null ? null : c.reason());
        params.put("canceller", c == null ? null : c.by().id());
        params.put("cancellerName", c == null ? null : c.by().name());
        params.put("cancelledAt", c == null ? null : utc(c.at()));
        int written = jdbc.sql("""
                        UPDATE emergency_support SET status = :status, advice = :advice,
                            recommended_amount = :recommended, advised_by = :adviser, adviser_name = :adviserName,
                            advised_at = :advisedAt, decision_reason = :reason, decided_by = :decider,
                            decider_name = :deciderName, decided_at = :decidedAt, budget_line_id = :line,
                            commitment_id = :commitment, invoice_number = :invoice, programme_paid = :programme,
                            organisation_paid = :organisation, paid_at = :paidAt, cancel_reason = :cancelReason,
                            cancelled_by = :canceller, canceller_name = :cancellerName, cancelled_at = :cancelledAt,
                            revision = revision + 1
                        WHERE id = :id AND revision = :revision
                        """)
                .params(params)
                .param("id", s.id())
                .param("revision", s.revision())
                .update();
        if (written != 1) {
            throw Refusal.conflict(STALE);
        }
    }

    private static String where(Set<SupportStatus> statuses) {
        return statuses.isEmpty() ? "" : " WHERE status IN (:statuses)";
    }

    private static Map<String, Object> statusParams(Set<SupportStatus> statuses) {
        return statuses.isEmpty()
                ? Map.of()
                : Map.of("statuses", statuses.stream().map(Enum::name).toList());
    }

    private static EmergencySupport support(ResultSet rs) throws SQLException {
        return new EmergencySupport(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("reference"),
                rs.getString("incident_reference"),
                new EmergencySupport.Request(
                        rs.getString("purpose"),
                        rs.getString("supplier"),
                        rs.getBigDecimal("amount"),
                        rs.getString("motivation")),
                new Actor(rs.getObject("requested_by", UUID.class), rs.getString("requester_name")),
                instant(rs, "requested_at"),
                new EmergencySupport.Progress(
                        SupportStatus.valueOf(rs.getString("status")),
                        rs.getString("advice"),
                        rs.getBigDecimal("recommended_amount"),
                        actor(rs, "advised_by", "adviser_name"),
                        instant(rs, "advised_at"),
                        rs.getString("decision_reason"),
                        actor(rs, "decided_by", "decider_name"),
                        instant(rs, "decided_at"),
                        rs.getObject("budget_line_id", UUID.class),
                        rs.getObject("commitment_id", UUID.class),
                        rs.getString("invoice_number"),
                        rs.getBigDecimal("programme_paid"),
                        rs.getBigDecimal("organisation_paid"),
                        instant(rs, "paid_at"),
                        cancellation(rs)),
                rs.getInt("revision"));
    }

    private static EmergencySupport.Cancellation cancellation(ResultSet rs) throws SQLException {
        Instant at = instant(rs, "cancelled_at");
        return at == null
                ? null
                : new EmergencySupport.Cancellation(
                        rs.getString("cancel_reason"), actor(rs, "cancelled_by", "canceller_name"), at);
    }

    private static Actor actor(ResultSet rs, String id, String name) throws SQLException {
        UUID value = rs.getObject(id, UUID.class);
        return value == null ? null : new Actor(value, rs.getString(name));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
