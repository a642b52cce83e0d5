package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditOrderNotFound;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders for a person, always within what that person may see ({@link Viewer}): the list with search,
 * status filter, sorting and paging as one SQL query with the visibility written out in its WHERE clause; one
 * order with its history, and its findings for the organisation and the auditor only; the report file.
 */
@Service
@Transactional(readOnly = true)
public class AuditOrders {

    /** Columns a list may be sorted by, by the name the page uses. */
    private static final Map<String, String> SORTS = Map.of(
            "requested", "requested_at",
            "reference", "reference",
            "organisation", "organisation_name",
            "status", "status",
            "amount", "programme_share");

    /** A list request; unknown sort names fall back to the newest first. */
    public record Search(String query, AuditStatus status, String sort, boolean descending, int page, int size) {

        public static final int MAX_SIZE = 100;

        public Search {
            query = query == null ? "" : query.strip();
            sort = sort != null && SORTS.containsKey(sort) ? sort : "requested";
            page = Math.max(0, page);
            size = size < 1 || size > MAX_SIZE ? 25 : size;
        }
    }

    /** One order in a list. */
    public record Row(
            AuditOrderId id,
            String reference,
            String organisation,
            String partner,
            AuditKind kind,
            AuditStatus status,
            BigDecimal quoteTotal,
            BigDecimal programmeShare,
            String firm,
            LocalDate scheduledOn,
            Instant requestedAt) {}

    /** One order as the person may see it; {@code findings} is empty for someone who may not read them. */
    public record View(
            AuditOrder order,
            List<Step> history,
            List<Finding> findings,
            long findingCount,
            boolean programme,
            boolean auditor,
            boolean admin,
            boolean seesFindings) {}

    private final JdbcClient jdbc;
    private final AuditOrderStore store;
    private final OrderSteps steps;

    AuditOrders(JdbcClient jdbc, AuditOrderStore store, OrderSteps steps) {
        this.jdbc = jdbc;
        this.store = store;
        this.steps = steps;
    }

    public Paged<Row> search(Search search, CurrentUser user) {
        Viewer viewer = steps.viewer(user);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.programme()) {
            List<String> visible = new ArrayList<>();
            if (!user.memberships().isEmpty()) {
                visible.add("organisation_id IN (:orgs) OR partner_id IN (:orgs)");
                params.put("orgs", List.copyOf(user.memberships().keySet()));
            }
            if (viewer.firm() != null) {
                visible.add("firm = :firm");
                params.put("firm", viewer.firm());
            }
            if (visible.isEmpty()) {
                return Paged.empty(search.size());
            }
            where.append(" AND (").append(String.join(" OR ", visible)).append(")");
        }
        if (!search.query().isEmpty()) {
            where.append(" AND (LOWER(organisation_name) LIKE :pattern ESCAPE '\\'"
                    + " OR LOWER(COALESCE(partner_name, '')) LIKE :pattern ESCAPE '\\'"
                    + " OR LOWER(reference) LIKE :pattern ESCAPE '\\')");
            params.put("pattern", "%" + Like.escape(search.query().toLowerCase(Locale.ROOT)) + "%");
        }
        if (search.status() != null) {
            where.append(" AND status = :status");
            params.put("status", search.status().name());
        }
        String order = " ORDER BY " + SORTS.get(search.sort()) + (search.descending() ? " DESC" : " ASC")
                + ", requested_at DESC, id";
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_order" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Row> rows = jdbc.sql("""
                        SELECT id, reference, organisation_name, partner_name, kind, status, quote_excluding_vat,
                            quote_vat, programme_share, firm, scheduled_on, requested_at FROM audit_order
                        """ + where + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((rs, n) -> new Row(
                        new AuditOrderId(rs.getObject("id", UUID.class)),
                        rs.getString("reference"),
                        rs.getString("organisation_name"),
                        rs.getString("partner_name"),
                        AuditKind.valueOf(rs.getString("kind")),
                        AuditStatus.valueOf(rs.getString("status")),
                        rs.getBigDecimal("quote_excluding_vat").add(rs.getBigDecimal("quote_vat")),
                        rs.getBigDecimal("programme_share"),
                        rs.getString("firm"),
                        rs.getObject("scheduled_on", LocalDate.class),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Paged<>(rows, search.page(), search.size(), total);
    }

    public View view(AuditOrderId id, CurrentUser user) {
        Viewer viewer = steps.viewer(user);
        AuditOrder order = steps.load(id, viewer);
        boolean findings = viewer.seesFindings(order);
        return new View(
                order,
                store.history(id),
                findings ? store.findings(id) : List.of(),
                store.findingCount(id),
                viewer.programme(),
                viewer.auditorOf(order),
                viewer.adminOf(order),
                findings);
    }

    /** The report, for the organisation and the auditor: it holds the findings the programme office does not read. */
    public Report report(AuditOrderId id, CurrentUser user) {
        Viewer viewer = steps.viewer(user);
        AuditOrder order = steps.load(id, viewer);
        if (!viewer.seesFindings(order) || order.reportName() == null) {
            throw new AuditOrderNotFound();
        }
        return new Report(order.reportName(), store.report(id).orElseThrow(AuditOrderNotFound::new));
    }

    /** A stored report. */
    public record Report(String name, byte[] content) {}
}
