package be.bolwerk.organisation;

import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads organisations for a person, always within what that person may see ({@link OrganisationVisibility}).
 * Lists are one set-based SQL query each, built from whitelisted fragments and bound parameters only.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

    private static final String COLUMNS = "id, name, type, nis_code, inhabitants, staff_count, contact_email";

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    OrganisationDirectory(JdbcClient jdbc, Organisations organisations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.events = events;
    }

    public Paged<OrganisationListItem> search(OrganisationSearch search, CurrentUser user) {
        OrganisationVisibility visibility = OrganisationVisibility.of(user);
        if (visibility.none()) {
            return Paged.empty(search.size());
        }
        Filter filter = Filter.of(search, visibility);
        // One pass: the page and, in every row, how many match in all (the database filters once, not twice).
        long[] total = {0};
        List<OrganisationListItem> items = jdbc.sql("SELECT " + COLUMNS + ", COUNT(*) OVER () AS matching"
                        + " FROM organisation" + filter.where() + filter.order(search) + " LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((rs, n) -> {
                    total[0] = rs.getLong("matching");
                    return row(rs, n);
                })
                .list();
        if (items.isEmpty() && search.page() > 0) {
            // A page past the end has no row to carry the count.
            total[0] = jdbc.sql("SELECT COUNT(*) FROM organisation" + filter.where())
                    .params(filter.params())
                    .query(Long.class)
                    .single();
        }
        return new Paged<>(items, search.page(), search.size(), total[0]);
    }

    /**
     * Every organisation that matches the search, in its order, ignoring paging: for exports. Bounded by
     * {@link #EXPORT_LIMIT} so that a spreadsheet never grows without end.
     */
    public List<OrganisationListItem> matching(OrganisationSearch search, CurrentUser user) {
        OrganisationVisibility visibility = OrganisationVisibility.of(user);
        if (visibility.none()) {
            return List.of();
        }
        Filter filter = Filter.of(search, visibility);
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation" + filter.where() + filter.order(search)
                        + " LIMIT :limit")
                .params(filter.params())
                .param("limit", EXPORT_LIMIT)
                .query(OrganisationDirectory::row)
                .list();
    }

    /**
     * The rows of {@link #matching} handed out as a file: an export of personal contact data is a trace worth
     * keeping, so this use case raises {@link OrganisationListExported} (the audit trail records it), not the
     * controller that writes the file.
     */
    public List<OrganisationListItem> export(OrganisationSearch search, CurrentUser user) {
        List<OrganisationListItem> rows = matching(search, user);
        events.publishEvent(new OrganisationListExported(
                rows.size(), "q=" + search.query() + " type=" + (search.type() == null ? "" : search.type())));
        return rows;
    }

    public static final int EXPORT_LIMIT = 10_000;

    /**
     * Whether this person oversees the whole field: other modules then need not filter their own rows by the
     * organisations in {@link #matching}, which for 300 organisations is a long IN list a database checks row by
     * row.
     */
    public boolean seesEveryOrganisation(CurrentUser user) {
        return OrganisationVisibility.of(user).all();
    }

    /** The WHERE clause and its parameters for a search, from whitelisted fragments only. */
    private record Filter(String where, Map<String, Object> params) {

        static Filter of(OrganisationSearch search, OrganisationVisibility visibility) {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (!visibility.all()) {
                where.append(" AND id IN (:visible)");
                params.put("visible", List.copyOf(visibility.ids()));
            }
            if (!search.query().isEmpty()) {
                where.append(" AND (LOWER(name) LIKE :pattern ESCAPE '\\' OR nis_code LIKE :pattern ESCAPE '\\')");
                params.put("pattern", "%" + Like.escape(search.query().toLowerCase(Locale.ROOT)) + "%");
            }
            if (search.type() != null) {
                where.append(" AND type = :type");
                params.put("type", search.type().name());
            }
            return new Filter(where.toString(), params);
        }

        String order(OrganisationSearch search) {
            // Unknown values go last in both directions: people look for the largest or smallest known value.
            return " ORDER BY " + search.column() + (search.descending() ? " DESC" : " ASC") + " NULLS LAST, name, id";
        }
    }

    private static OrganisationListItem row(ResultSet rs, int row) throws SQLException {
        return new OrganisationListItem(
                new OrganisationId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("nis_code"),
                (Integer) rs.getObject("inhabitants"),
                (Integer) rs.getObject("staff_count"),
                rs.getString("contact_email"));
    }

    /** The organisation, if it exists and the person may see it; otherwise {@link OrganisationNotFound}. */
    public OrganisationProfile profile(OrganisationId id, CurrentUser user) {
        if (!OrganisationVisibility.of(user).includes(id.value())) {
            throw OrganisationNotFound.withId(id);
        }
        return organisations
                .findById(id.value())
                .map(Organisation::profile)
                .orElseThrow(() -> OrganisationNotFound.withId(id));
    }

    /** The kind of organisation and its NIS2 scope: what decides which laws' deadlines apply to it (ADR 0039). */
    public record Regulation(OrganisationType type, Nis2Scope nis2Scope) {}

    /**
     * How the law sees the organisation, for rules that run without a person (an event listener, a scheduled
     * job): nothing personal, so no visibility check; {@link OrganisationNotFound} when there is none.
     */
    public Regulation regulation(OrganisationId id) {
        return jdbc.sql("SELECT type, nis2_scope FROM organisation WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Regulation(
                        OrganisationType.valueOf(rs.getString("type")), Nis2Scope.valueOf(rs.getString("nis2_scope"))))
                .optional()
                .orElseThrow(() -> OrganisationNotFound.withId(id));
    }

    /**
     * The organisation's name without a visibility check, for a caller that has already decided the reader may
     * know it (an incident's guest sees the name of the organisation that invited them, ADR 0043).
     */
    public String name(OrganisationId id) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> OrganisationNotFound.withId(id));
    }

    /** The organisations the person is a member of, by name; empty for programme-wide personas. */
    public List<OrganisationProfile> memberOf(CurrentUser user) {
        List<OrganisationProfile> result = new ArrayList<>();
        organisations.findAllById(user.memberships().keySet()).forEach(o -> result.add(o.profile()));
        result.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return result;
    }

    /** How many visible organisations there are of each type; every type is present, zero if none. */
    public Map<OrganisationType, Long> countByType(CurrentUser user) {
        Map<OrganisationType, Long> counts = new EnumMap<>(OrganisationType.class);
        for (OrganisationType type : OrganisationType.values()) {
            counts.put(type, 0L);
        }
        OrganisationVisibility visibility = OrganisationVisibility.of(user);
        if (visibility.none()) {
            return counts;
        }
        String where = visibility.all() ? "" : " WHERE id IN (:visible)";
        var statement = jdbc.sql("SELECT type, COUNT(*) AS n FROM organisation" + where + " GROUP BY type");
        if (!visibility.all()) {
            statement = statement.param("visible", List.copyOf(visibility.ids()));
        }
        statement
                .query((rs, row) -> counts.put(OrganisationType.valueOf(rs.getString("type")), rs.getLong("n")))
                .list();
        return counts;
    }
}
