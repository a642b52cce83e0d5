package be.bolwerk.incident.obligation;

import be.bolwerk.incident.IncidentId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the CRT queue: per incident with a pending obligation that has a deadline, the nearest due moment and
 * whether one is overdue. One set-based query; the caller decides who may see the queue (the CRT).
 */
@Service
public class OpenObligations {

    /** The nearest pending due moment of one incident, and whether it (hence one) has passed. */
    public record Open(Instant nearestDue, boolean overdue) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    OpenObligations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Per incident of these (the rows of one page of the queue), the nearest pending due moment and whether it has
     * passed; an incident without a pending deadline is absent. Only the given ids are read, so a caller never holds
     * another organisation's deadlines.
     */
    @Transactional(readOnly = true)
    public Map<IncidentId, Open> of(java.util.Collection<IncidentId> incidents) {
        if (incidents.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<IncidentId, Open> result = new HashMap<>();
        jdbc.sql("SELECT incident_id, MIN(due_at) AS nearest FROM incident_obligation WHERE state = 'PENDING'"
                        + " AND due_at IS NOT NULL AND incident_id IN (:ids) GROUP BY incident_id")
                .param("ids", incidents.stream().map(IncidentId::value).toList())
                .query((rs, row) -> {
                    Instant nearest = FactStore.instant(rs, "nearest");
                    return result.put(
                            new IncidentId(rs.getObject("incident_id", UUID.class)),
                            new Open(nearest, now.isAfter(nearest)));
                })
                .list();
        return result;
    }
}
