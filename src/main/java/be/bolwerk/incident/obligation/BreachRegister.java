package be.bolwerk.incident.obligation;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The breach register of GDPR art. 33(5): every incident whose facts say personal data were breached, notified or
 * not, with the decision's reason and what happened to the notification. The people of an organisation see their
 * own organisations' breaches; CRT analysts see every organisation's, optionally one. Nobody else sees any.
 */
@Service
public class BreachRegister {

    /** One breach as the register lists it. */
    public record Entry(
            IncidentId incidentId,
            UUID organisationId,
            String reference,
            Instant reportedAt,
            Instant personalDataKnownAt,
            String whatHappened,
            String breachReason,
            Recipient recipient,
            ObligationState notification,
            Instant dueAt,
            Instant submittedAt,
            String notApplicableReason) {}

    private final JdbcClient jdbc;

    BreachRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The breaches the person may see, newest first; {@code organisation} narrows a CRT analyst's view. */
    @Transactional(readOnly = true)
    public List<Entry> entries(CurrentUser user, UUID organisation) {
        boolean crt = user.has(Persona.CRT_ANALYST);
        Set<UUID> own = user.memberships().keySet();
        if (!crt && own.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" WHERE f.personal_data_breach = 'YES'");
        Map<String, Object> params = new HashMap<>();
        if (!crt) {
            where.append(" AND f.organisation_id IN (:own)");
            params.put("own", new ArrayList<>(own));
        }
        if (organisation != null) {
            where.append(" AND f.organisation_id = :organisation");
            params.put("organisation", organisation);
        }
        return jdbc.sql("SELECT i.id, i.organisation_id, i.reference, i.reported_at, i.what_happened,"
                        + " f.personal_data_known_at, f.breach_reason, o.recipient, o.state, o.due_at, o.submitted_at,"
                        + " o.reason FROM incident_fact f JOIN incident i ON i.id = f.incident_id"
                        + " LEFT JOIN incident_obligation o ON o.incident_id = f.incident_id"
                        + " AND o.kind = 'GDPR_NOTIFICATION'" + where + " ORDER BY f.personal_data_known_at DESC, i.id")
                .params(params)
                .query((rs, row) -> new Entry(
                        new IncidentId(rs.getObject("id", UUID.class)),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("reference"),
                        FactStore.instant(rs, "reported_at"),
                        FactStore.instant(rs, "personal_data_known_at"),
                        rs.getString("what_happened"),
                        rs.getString("breach_reason"),
                        rs.getString("recipient") == null ? null : Recipient.valueOf(rs.getString("recipient")),
                        rs.getString("state") == null ? null : ObligationState.valueOf(rs.getString("state")),
                        FactStore.instant(rs, "due_at"),
                        FactStore.instant(rs, "submitted_at"),
                        rs.getString("reason")))
                .list();
    }
}
