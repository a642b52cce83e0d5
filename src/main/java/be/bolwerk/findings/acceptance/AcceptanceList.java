package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk acceptances and the findings around them as a person may see them: only of the organisations they are a
 * member of, in set-based queries with the tenant predicate written out; searched, filtered by status, sorted and
 * paged by 25.
 */
@Service
@Transactional(readOnly = true)
public class AcceptanceList {

    public static final int PAGE_SIZE = 25;

    /** The columns the list sorts by; the default is the expiry date, soonest first. */
    public enum Sort {
        EXPIRES("a.expires_on"),
        TITLE("LOWER(a.title)"),
        STATUS("a.status"),
        OWNER("LOWER(a.owner_name)");

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
            return EXPIRES;
        }
    }

    public record Search(String query, AcceptanceStatus status, Sort sort, boolean descending, int page) {

        public Search {
            query = query == null ? "" : query.strip();
            sort = sort == null ? Sort.EXPIRES : sort;
            page = Math.max(0, page);
        }
    }

    public record Row(
            RiskAcceptanceId id,
            UUID organisationId,
            String title,
            RiskDecision decision,
            AcceptanceStatus status,
            String ownerName,
            LocalDate expiresOn,
            int findings) {}

    /** A finding as the acceptance pages list it. */
    public record FindingRow(FindingId id, String title, Severity severity, FindingStatus status, LocalDate dueDate) {}

    private final JdbcClient jdbc;

    AcceptanceList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paged<Row> search(Search search, CurrentUser user) {
        List<UUID> organisations = List.copyOf(user.memberships().keySet());
        if (organisations.isEmpty()) {
            return Paged.empty(PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder("a.organisation_id IN (:organisations)");
        if (!search.query().isEmpty()) {
            where.append(" AND (LOWER(a.title) LIKE :q ESCAPE '\\' OR LOWER(a.reference) LIKE :q ESCAPE '\\'"
                    + " OR LOWER(a.owner_name) LIKE :q ESCAPE '\\')");
        }
        if (search.status() != null) {
            where.append(" AND a.status = :status");
        }
        long total = bind(jdbc.sql("SELECT COUNT(*) FROM risk_acceptance a WHERE " + where), search, organisations)
                .query(Long.class)
                .single();
        List<Row> rows = bind(
                        jdbc.sql("""
                                SELECT a.id, a.organisation_id, a.title, a.decision, a.status, a.owner_name,
                                       a.expires_on,
                                       (SELECT COUNT(*) FROM risk_acceptance_finding f
                                        WHERE f.acceptance_id = a.id AND f.organisation_id = a.organisation_id) AS covered
                                FROM risk_acceptance a WHERE\s""" + where + " ORDER BY " + search.sort().sql
                                + (search.descending() ? " DESC" : " ASC")
                                + ", a.proposed_at, a.id LIMIT :limit OFFSET :offset"),
                        search,
                        organisations)
                .param("limit", PAGE_SIZE)
                .param("offset", search.page() * PAGE_SIZE)
                .query((rs, n) -> new Row(
                        new RiskAcceptanceId(rs.getObject("id", UUID.class)),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("title"),
                        RiskDecision.valueOf(rs.getString("decision")),
                        AcceptanceStatus.valueOf(rs.getString("status")),
                        rs.getString("owner_name"),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getInt("covered")))
                .list();
        return new Paged<>(rows, search.page(), PAGE_SIZE, total);
    }

    /** The findings an acceptance of {@code organisationId} covers, most severe first. */
    public List<FindingRow> covered(RiskAcceptanceId id, UUID organisationId) {
        return jdbc.sql("""
                        SELECT f.id, f.title, f.severity, f.status, f.due_date FROM finding f
                        JOIN risk_acceptance_finding c ON c.finding_id = f.id
                        WHERE c.acceptance_id = :id AND c.organisation_id = :org AND f.organisation_id = :org
                        ORDER BY f.severity_rank, f.title_key, f.id
                        """)
                .param("id", id.value())
                .param("org", organisationId)
                .query((rs, n) -> findingRow(rs))
                .list();
    }

    /**
     * The open findings of the organisation that no proposed or active acceptance holds: what a new acceptance may
     * cover (at most 500, most severe first).
     */
    public List<FindingRow> eligible(UUID organisationId) {
        return jdbc.sql("""
                        SELECT f.id, f.title, f.severity, f.status, f.due_date FROM finding f
                        WHERE f.organisation_id = :org AND f.status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'REOPENED')
                          AND NOT EXISTS (SELECT 1 FROM risk_acceptance_finding c
                              JOIN risk_acceptance a ON a.id = c.acceptance_id
                              WHERE c.finding_id = f.id AND a.organisation_id = :org
                                AND a.status IN ('PROPOSED', 'APPROVED', 'ACTIVE'))
                        ORDER BY f.severity_rank, f.title_key, f.id
                        LIMIT 500
                        """)
                .param("org", organisationId)
                .query((rs, n) -> findingRow(rs))
                .list();
    }

    /** The proposed or active acceptance of the organisation that holds the finding, for the finding's page. */
    public Optional<Row> holding(FindingId finding, UUID organisationId) {
        return jdbc.sql("""
                        SELECT a.id, a.organisation_id, a.title, a.decision, a.status, a.owner_name, a.expires_on
                        FROM risk_acceptance a JOIN risk_acceptance_finding c ON c.acceptance_id = a.id
                        WHERE c.finding_id = :finding AND a.organisation_id = :org
                          AND a.status IN ('PROPOSED', 'APPROVED', 'ACTIVE')
                        ORDER BY a.proposed_at DESC LIMIT 1
                        """)
                .param("finding", finding.value())
                .param("org", organisationId)
                .query((rs, n) -> new Row(
                        new RiskAcceptanceId(rs.getObject("id", UUID.class)),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("title"),
                        RiskDecision.valueOf(rs.getString("decision")),
                        AcceptanceStatus.valueOf(rs.getString("status")),
                        rs.getString("owner_name"),
                        rs.getObject("expires_on", LocalDate.class),
                        0))
                .optional();
    }

    private static FindingRow findingRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FindingRow(
                new FindingId(rs.getObject("id", UUID.class)),
                rs.getString("title"),
                Severity.valueOf(rs.getString("severity")),
                FindingStatus.valueOf(rs.getString("status")),
                rs.getObject("due_date", LocalDate.class));
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, Search search, List<UUID> organisations) {
        spec = spec.param("organisations", organisations);
        if (!search.query().isEmpty()) {
            spec = spec.param("q", "%" + Like.escape(search.query().toLowerCase(Locale.ROOT)) + "%");
        }
        if (search.status() != null) {
            spec = spec.param("status", search.status().name());
        }
        return spec;
    }
}
