package be.bolwerk.findings.register;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as a person may see it: the findings of the organisations they are a member of, in one set-based
 * query with the tenant predicate written out, searched, filtered, sorted and paged. Nobody else's: a programme
 * officer, auditor or student without a membership gets an empty page.
 */
@Service
@Transactional(readOnly = true)
public class FindingList {

    public static final int PAGE_SIZE = 25;

    /** Days ahead that count as "due soon". */
    public static final int SOON_DAYS = 30;

    /** Filters on the due date: open and past it, or open and due within {@link #SOON_DAYS} days. */
    public enum Due {
        OVERDUE,
        SOON
    }

    /**
     * The columns the register sorts by, each with its SQL; the default is the due date, soonest first. Severity,
     * title and owner sort by the keys the database keeps beside them (V38, ADR 0034: the severity's rank, the
     * lower-cased title and owner name), each with an index in the register's order, so a page is read from the
     * index instead of sorting every finding of the organisation.
     */
    public enum Sort {
        DUE("f.due_date"),
        SEVERITY("f.severity_rank"),
        TITLE("f.title_key"),
        STATUS("f.status"),
        OWNER("f.owner_key"),
        CREATED("f.created_at");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        public static Sort of(String text) {
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(text)) {
                    return sort;
                }
            }
            return DUE;
        }
    }

    /** What the person asks for; null filters are left out. */
    public record Search(
            String query,
            FindingStatus status,
            Severity severity,
            FindingSource source,
            UUID owner,
            Due due,
            Sort sort,
            boolean descending,
            int page) {

        public Search {
            query = query == null ? "" : query.strip();
            sort = sort == null ? Sort.DUE : sort;
            page = Math.max(0, page);
        }

        public static Search all() {
            return new Search("", null, null, null, null, null, Sort.DUE, false, 0);
        }
    }

    /** One finding in the register. */
    public record Row(
            FindingId id,
            UUID organisationId,
            String title,
            Severity severity,
            FindingStatus status,
            FindingSource source,
            String affectedSystem,
            String ownerName,
            LocalDate dueDate,
            boolean overdue,
            // CVSS in the forms (ADR 0029): the score the server computed, null without a vector
            BigDecimal cvssScore) {}

    /**
     * What a count depends on: the organisations and their register versions, the filters (the search without its
     * order and page) and the day, which decides what is overdue. Two people of the same organisations share it;
     * one who is a member of fewer has another key.
     */
    private record Counted(List<UUID> organisations, List<Long> versions, Search filters, LocalDate today) {}

    /** Counted searches kept (the least used go first); an entry is about 200 bytes. */
    static final int COUNTS_KEPT = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RegisterVersions versions;

    /*
     * The count of a search costs more than its page: a page is read from an index in the register's order and
     * stops after 25 rows, the count reads every match (20,000 for the whole register of a large organisation). It
     * is kept under the register versions (ADR 0046), so it is counted again only after a change.
     */
    private final Cache<Counted, Long> counts = Caffeine.newBuilder()
            .maximumSize(COUNTS_KEPT)
            .expireAfterWrite(RegisterVersions.KEPT_FOR)
            .build();

    FindingList(JdbcClient jdbc, Clock clock, RegisterVersions versions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = versions;
    }

    public Paged<Row> search(Search search, CurrentUser user) {
        List<UUID> organisations = user.memberships().keySet().stream().sorted().toList();
        if (organisations.isEmpty()) {
            return Paged.empty(PAGE_SIZE);
        }
        LocalDate today = BelgianTime.today(clock);
        String where = where(search);
        Search filters = new Search(
                search.query(),
                search.status(),
                search.severity(),
                search.source(),
                search.owner(),
                search.due(),
                Sort.DUE,
                false,
                0);
        long total = counts.get(
                new Counted(organisations, versions.of(organisations), filters, today),
                key -> bind(jdbc.sql("SELECT COUNT(*) FROM finding f WHERE " + where), search, organisations, today)
                        .query(Long.class)
                        .single());
        if (total == 0) {
            return new Paged<>(List.of(), search.page(), PAGE_SIZE, 0);
        }
        // A deferred join: the page's ids are read from the sort key's index, then only those 25 rows from the
        // table; a later page no longer reads every row it skips (page 40 skips 975).
        List<Row> rows = bind(
                        jdbc.sql("SELECT " + ROW_COLUMNS + " FROM finding f JOIN (SELECT f.id FROM finding f WHERE "
                                + (total > FEW ? where(search, WALK) : where) + " ORDER BY " + order(search)
                                + " LIMIT :limit OFFSET :offset) p"
                                + " ON p.id = f.id ORDER BY " + order(search)),
                        search,
                        organisations,
                        today)
                .param("limit", PAGE_SIZE)
                .param("offset", search.page() * PAGE_SIZE)
                .query((rs, n) -> row(rs, today))
                .list();
        return new Paged<>(rows, search.page(), PAGE_SIZE, total);
    }

    /** Other findings of the organisation a finding may be a duplicate of, by title (at most 200). */
    public List<Map.Entry<FindingId, String>> others(UUID organisationId, FindingId except) {
        return jdbc.sql("""
                        SELECT id, title FROM finding
                        WHERE organisation_id = :org AND id <> :id AND status <> 'DUPLICATE'
                        ORDER BY LOWER(title), id LIMIT 200
                        """)
                .param("org", organisationId)
                .param("id", except.value())
                .query((rs, n) -> Map.entry(new FindingId(rs.getObject("id", UUID.class)), rs.getString("title")))
                .list();
    }

    /** The columns {@link #row} reads, for the page and the export alike. */
    private static final String ROW_COLUMNS = "f.id, f.organisation_id, f.title, f.severity, f.status, f.source,"
            + " f.affected_system, f.owner_name, f.due_date, f.cvss_score";

    private static Row row(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        FindingStatus status = FindingStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new Row(
                new FindingId(rs.getObject("id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("title"),
                Severity.valueOf(rs.getString("severity")),
                status,
                FindingSource.valueOf(rs.getString("source")),
                rs.getString("affected_system"),
                rs.getString("owner_name"),
                due,
                status.isOpen() && due != null && due.isBefore(today),
                rs.getBigDecimal("cvss_score"));
    }

    /**
     * The register's order: the column, then the oldest first among equals, all turned round when descending. A
     * finding without an owner or due date sorts as the largest (both databases: H2's {@code DEFAULT_NULL_ORDERING=HIGH}
     * and PostgreSQL's default), so it comes last going up and first going down, and descending is exactly the
     * ascending order reversed: an index in ascending order serves both directions (ADR 0034).
     */
    private static String order(Search search) {
        String direction = search.descending() ? " DESC" : " ASC";
        return search.sort().sql + direction + ", f.created_at" + direction + ", f.id" + direction;
    }

    private static final String OPEN = "f.status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'REOPENED')";

    /** The count's search (and the page's, for few matches): on PostgreSQL a trigram index finds the candidates. */
    private static final String LIKE = " AND f.search_text LIKE :q ESCAPE '\\'";

    private static String where(Search search) {
        return where(search, LIKE);
    }

    private static String where(Search search, String searchCondition) {
        StringBuilder where = new StringBuilder("f.organisation_id IN (:organisations)");
        if (!search.query().isEmpty()) {
            // title, system, external id and control reference, lower-cased by the database (V38, ADR 0034)
            where.append(searchCondition);
        }
        if (search.status() != null) {
            where.append(" AND f.status = :status");
        }
        if (search.severity() != null) {
            where.append(" AND f.severity = :severity");
        }
        if (search.source() != null) {
            where.append(" AND f.source = :source");
        }
        if (search.owner() != null) {
            where.append(" AND f.owner_id = :owner");
        }
        if (search.due() == Due.OVERDUE) {
            where.append(" AND ").append(OPEN).append(" AND f.due_date < :today");
        } else if (search.due() == Due.SOON) {
            where.append(" AND ").append(OPEN).append(" AND f.due_date >= :today AND f.due_date <= :soon");
        }
        return where.toString();
    }

    /**
     * Above this many matches a search's page walks the organisation's rows in the register's order and stops after
     * its 25; at or below, it lets the database find the few matches first (on PostgreSQL through the trigram index).
     */
    public static final long FEW = 200;

    /**
     * The page's search when it matches more than {@link #FEW}: a plain substring test that no index serves, so the
     * page walks the sort key's index and stops after its rows. With the LIKE, PostgreSQL's generic plan (prepared
     * statements, after five runs) chose the cross-organisation trigram index whatever the words: 12–13 ms for "tls"
     * (one finding in six) against 1.5 ms walking in order. For a rare word the walk would read every row of the
     * organisation (15 ms for one match in 20,000), so few matches keep the LIKE (docs/performance.md). Both give the
     * same matches.
     */
    private static final String WALK = " AND POSITION(:term IN f.search_text) > 0";

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, Search search, List<UUID> organisations, LocalDate today) {
        spec = spec.param("organisations", organisations);
        if (!search.query().isEmpty()) {
            spec = spec.param("q", "%" + Like.escape(search.query().toLowerCase(Locale.ROOT)) + "%")
                    .param("term", search.query().toLowerCase(Locale.ROOT));
        }
        if (search.status() != null) {
            spec = spec.param("status", search.status().name());
        }
        if (search.severity() != null) {
            spec = spec.param("severity", search.severity().name());
        }
        if (search.source() != null) {
            spec = spec.param("source", search.source().name());
        }
        if (search.owner() != null) {
            spec = spec.param("owner", search.owner());
        }
        if (search.due() != null) {
            spec = spec.param("today", today);
            if (search.due() == Due.SOON) {
                spec = spec.param("soon", today.plusDays(SOON_DAYS));
            }
        }
        return spec;
    }

    // Reports
    /**
     * Every finding of one organisation that matches the search, in the register's order, at most {@code limit}: for
     * the export. The caller has checked that the person is a member of the organisation.
     */
    public List<Row> matching(Search search, UUID organisation, int limit) {
        LocalDate today = BelgianTime.today(clock);
        return bind(
                        jdbc.sql("SELECT " + ROW_COLUMNS + " FROM finding f WHERE " + where(search) + " ORDER BY "
                                + order(search) + " LIMIT :limit"),
                        search,
                        List.of(organisation),
                        today)
                .param("limit", limit)
                .query((rs, n) -> row(rs, today))
                .list();
    }
}
