package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagements a person may see, with their counts, in one set-based query whose visibility predicate is
 * written out: the organisations they are a member of, the college they supervise, the engagements they are
 * assigned to, or all of them for a programme officer (who sees states and counts, never findings).
 */
@Service
@Transactional(readOnly = true)
public class EngagementList {

    public static final int PAGE_SIZE = 25;

    /** One engagement in a list; {@code awaitingReview} is only filled in for the college's side. */
    public record Row(
            EngagementId id,
            UUID organisationId,
            String organisation,
            String title,
            String college,
            EngagementState state,
            Instant requestedAt,
            long acceptedFindings,
            long awaitingReview) {}

    private final JdbcClient jdbc;
    private final EngagementAccess access;

    EngagementList(JdbcClient jdbc, EngagementAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** A page of the engagements the person may see, newest first; {@code state} and {@code search} filter. */
    public Paged<Row> page(CurrentUser user, EngagementState state, String search, int page) {
        Visibility v = visibility(user);
        String where = where(v, state, search);
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM engagement e WHERE " + where), v, state, search)
                .query(Long.class)
                .single();
        int index = Math.max(0, page);
        List<Row> rows = bind(jdbc.sql("""
                                SELECT e.id, e.organisation_id, e.organisation, e.title, e.college, e.state,
                                       e.requested_at,
                                       (SELECT COUNT(*) FROM engagement_finding f
                                        WHERE f.engagement_id = e.id AND f.state = 'ACCEPTED') AS accepted,
                                       (SELECT COUNT(*) FROM engagement_finding f
                                        WHERE f.engagement_id = e.id AND f.state = 'SUBMITTED') AS awaiting
                                FROM engagement e WHERE """ + where + """
                                 ORDER BY e.requested_at DESC, e.id LIMIT :limit OFFSET :offset"""), v, state, search)
                .param("limit", PAGE_SIZE)
                .param("offset", index * PAGE_SIZE)
                .query((rs, n) -> new Row(
                        new EngagementId(rs.getObject("id", UUID.class)),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("organisation"),
                        rs.getString("title"),
                        rs.getString("college"),
                        EngagementState.valueOf(rs.getString("state")),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("accepted"),
                        v.college() != null || v.student() != null ? rs.getLong("awaiting") : 0))
                .list();
        return new Paged<>(rows, index, PAGE_SIZE, total);
    }

    /** How many engagements the person may see, per state: the programme office's overview. */
    public Map<EngagementState, Long> countByState(CurrentUser user) {
        Visibility v = visibility(user);
        return bind(
                        jdbc.sql("SELECT e.state, COUNT(*) AS n FROM engagement e WHERE " + where(v, null, null)
                                + " GROUP BY e.state"),
                        v,
                        null,
                        null)
                .query((rs, n) -> Map.entry(EngagementState.valueOf(rs.getString("state")), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Who sees what: the person's organisations, supervised college, own account as a student, officer or not. */
    private record Visibility(List<UUID> organisations, String college, UUID student, boolean officer) {}

    private Visibility visibility(CurrentUser user) {
        return new Visibility(
                List.copyOf(user.memberships().keySet()),
                access.college(user, Persona.HACKING_SUPERVISOR).orElse(null),
                user.has(Persona.STUDENT) ? user.id() : null,
                user.has(Persona.PROGRAMME_OFFICER));
    }

    private static String where(Visibility v, EngagementState state, String search) {
        StringBuilder where = new StringBuilder("(");
        where.append(v.officer() ? "TRUE" : "FALSE");
        if (!v.organisations().isEmpty()) {
            where.append(" OR e.organisation_id IN (:organisations)");
        }
        if (v.college() != null) {
            where.append(" OR e.college = :college");
        }
        if (v.student() != null) {
            where.append(" OR EXISTS (SELECT 1 FROM engagement_student s WHERE s.engagement_id = e.id"
                    + " AND s.account_id = :student)");
        }
        where.append(")");
        if (state != null) {
            where.append(" AND e.state = :state");
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND (LOWER(e.title) LIKE :search ESCAPE '\\' OR LOWER(e.organisation) LIKE :search"
                    + " ESCAPE '\\')");
        }
        return where.toString();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, Visibility v, EngagementState state, String search) {
        if (!v.organisations().isEmpty()) {
            spec = spec.param("organisations", v.organisations());
        }
        if (v.college() != null) {
            spec = spec.param("college", v.college());
        }
        if (v.student() != null) {
            spec = spec.param("student", v.student());
        }
        if (state != null) {
            spec = spec.param("state", state.name());
        }
        if (search != null && !search.isBlank()) {
            spec = spec.param("search", "%" + Like.escape(search.strip().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return spec;
    }
}
