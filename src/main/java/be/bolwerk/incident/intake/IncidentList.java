package be.bolwerk.incident.intake;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents a person may see, a page at a time: the organisation's people see their organisations' incidents,
 * newest first; CRT analysts see the queue of open incidents, the untriaged first (a new alarm must not hide on a
 * later page), then the worst, then the newest. Filters and sort keys come from a URL and are whitelisted here.
 */
@Component
public class IncidentList {

    public static final int PAGE_SIZE = 25;

    /** How the list is ordered; unknown keys fall back to the queue's order (CRT) or the newest first. */
    public enum Sort {
        QUEUE("CASE WHEN severity IS NULL THEN 0 WHEN severity = 'CRITICAL' THEN 1 WHEN severity = 'HIGH' THEN 2"
                + " WHEN severity = 'MEDIUM' THEN 3 ELSE 4 END ASC, reported_at DESC"),
        REPORTED("reported_at"),
        SEVERITY("CASE WHEN severity IS NULL THEN 0 WHEN severity = 'CRITICAL' THEN 1 WHEN severity = 'HIGH' THEN 2"
                + " WHEN severity = 'MEDIUM' THEN 3 ELSE 4 END"),
        STATUS("status"),
        REFERENCE("reference");

        private final String order;

        Sort(String order) {
            this.order = order;
        }

        public static Sort of(String key) {
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(key == null ? "" : key)) {
                    return sort;
                }
            }
            return null;
        }
    }

    /**
     * One request for a page of the list.
     *
     * @param openOnly only the statuses the CRT still works on
     * @param status one status, or null for all (within {@code openOnly})
     * @param organisation part of an organisation's name; blank for all
     * @param sort the column, never null
     * @param descending reverse the column's order (the queue's order has one direction)
     */
    public record Search(
            boolean openOnly,
            IncidentStatus status,
            IncidentSeverity severity,
            IncidentCategory category,
            String organisation,
            Sort sort,
            boolean descending,
            int page) {

        public Search {
            organisation = organisation == null ? "" : organisation.strip();
            if (organisation.length() > 200) {
                organisation = organisation.substring(0, 200);
            }
            page = Math.max(0, Math.min(page, 10_000));
        }
    }

    /** One row of the list, as the page and the API show it. */
    public record Row(
            IncidentId id,
            String reference,
            UUID organisationId,
            String organisationName,
            ReportChannel channel,
            Instant reportedAt,
            IncidentStatus status,
            IncidentSeverity severity,
            IncidentCategory category,
            boolean ransomware,
            Answer ongoing,
            boolean firstResponseLate) {}

    private final JdbcClient jdbc;
    private final OrganisationDirectory organisations;
    private final IncidentProperties properties;
    private final Clock clock;

    IncidentList(JdbcClient jdbc, OrganisationDirectory organisations, IncidentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the person may see the list at all: a CRT analyst, or someone of an organisation. */
    public static boolean mayList(CurrentUser user) {
        return user.has(Persona.CRT_ANALYST) || !user.memberships().isEmpty();
    }

    @Transactional(readOnly = true)
    public Paged<Row> search(Search search, CurrentUser user) {
        if (!mayList(user)) {
            throw new AccessDeniedException("the incident list is for the CRT and the organisations' people");
        }
        Map<UUID, String> names = names(user);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!user.has(Persona.CRT_ANALYST)) {
            where.append(" AND organisation_id IN (:visible)");
            params.put("visible", List.copyOf(user.memberships().keySet()));
        }
        if (!search.organisation().isEmpty()) {
            String wanted = search.organisation().toLowerCase(java.util.Locale.ROOT);
            List<UUID> matching = names.entrySet().stream()
                    .filter(e -> e.getValue().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                    .map(Map.Entry::getKey)
                    .toList();
            if (matching.isEmpty()) {
                return new Paged<>(List.of(), search.page(), PAGE_SIZE, 0);
            }
            where.append(" AND organisation_id IN (:named)");
            params.put("named", matching);
        }
        if (search.status() != null) {
            where.append(" AND status = :status");
            params.put("status", search.status().name());
        } else if (search.openOnly()) {
            where.append(" AND status IN (:open)");
            params.put("open", IncidentStatus.OPEN.stream().map(Enum::name).toList());
        }
        if (search.severity() != null) {
            where.append(" AND severity = :severity");
            params.put("severity", search.severity().name());
        }
        if (search.category() != null) {
            where.append(" AND category = :category");
            params.put("category", search.category().name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM incident" + where)
                .params(params)
                .query(Long.class)
                .single();
        String order = search.sort() == Sort.QUEUE
                ? Sort.QUEUE.order
                : search.sort().order + (search.descending() ? " DESC" : " ASC");
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("SELECT id, organisation_id, reference, channel, reported_at, status, severity,"
                        + " category, ransomware, ongoing, first_response_at FROM incident" + where + " ORDER BY "
                        + order + ", id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) search.page() * PAGE_SIZE)
                .query((rs, n) -> row(rs, names, now))
                .list();
        return new Paged<>(rows, search.page(), PAGE_SIZE, total);
    }

    private Row row(ResultSet rs, Map<UUID, String> names, Instant now) throws SQLException {
        UUID organisation = rs.getObject("organisation_id", UUID.class);
        IncidentStatus status = IncidentStatus.valueOf(rs.getString("status"));
        String severity = rs.getString("severity");
        String category = rs.getString("category");
        Instant reportedAt = rs.getObject("reported_at", OffsetDateTime.class).toInstant();
        IncidentSeverity level = severity == null ? null : IncidentSeverity.valueOf(severity);
        boolean late = rs.getObject("first_response_at") == null
                && status.isOpen()
                && reportedAt.plus(properties.firstResponse(level)).isBefore(now);
        return new Row(
                new IncidentId(rs.getObject("id", UUID.class)),
                rs.getString("reference"),
                organisation,
                names.getOrDefault(organisation, ""),
                ReportChannel.valueOf(rs.getString("channel")),
                reportedAt,
                status,
                level,
                category == null ? null : IncidentCategory.valueOf(category),
                rs.getBoolean("ransomware"),
                Answer.valueOf(rs.getString("ongoing")),
                late);
    }

    /**
     * The names of the organisations whose incidents the person may see: one query, not one per row. For the CRT
     * that is every organisation (a few hundred short rows), which also serves the name filter.
     */
    private Map<UUID, String> names(CurrentUser user) {
        Map<UUID, String> names = new HashMap<>();
        if (user.has(Persona.CRT_ANALYST)) {
            for (OrganisationListItem o : organisations.matching(OrganisationSearch.firstPage(), user)) {
                names.put(o.id().value(), o.name());
            }
        } else {
            organisations.memberOf(user).forEach(o -> names.put(o.id().value(), o.name()));
        }
        return names;
    }

    /** The statuses in the order the filter offers them. */
    public static List<IncidentStatus> statuses() {
        return List.of(IncidentStatus.values());
    }
}
