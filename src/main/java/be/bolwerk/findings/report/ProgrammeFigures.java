package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme office's view of every register it sees, per organisation type: counts by severity and status, the
 * median days from arrival to closing and the share closed within the SLA. Only numbers: no query here reads a
 * finding's title, description or any other text. The database groups: the organisations the officer sees (the
 * organisation module decides which) are turned into one CASE of organisation ids per type, so one pass over the
 * findings counts everything; the median comes from a histogram of whole days with running totals (window sums),
 * which H2 and PostgreSQL both compute, instead of PERCENTILE_CONT, which H2 lacks.
 */
@Component
public class ProgrammeFigures {

    /** One organisation type's figures; {@code medianDays} null when nothing closed yet. */
    public record TypeFigures(
            OrganisationType type,
            int organisations,
            Map<Severity, Long> bySeverity,
            Map<FindingStatus, Long> byStatus,
            BigDecimal medianDays,
            Share withinSla) {

        public long total() {
            return bySeverity.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;
    private final OrganisationDirectory organisations;

    ProgrammeFigures(JdbcClient jdbc, OrganisationDirectory organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** Every organisation type the officer sees at least one organisation of, in the enum's order. */
    @Transactional(readOnly = true)
    public List<TypeFigures> of(CurrentUser officer) {
        Map<OrganisationType, List<UUID>> byType = new EnumMap<>(OrganisationType.class);
        for (OrganisationListItem o : organisations.matching(
                new OrganisationSearch("", null, "name", false, 0, OrganisationSearch.MAX_SIZE), officer)) {
            byType.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o.id().value());
        }
        if (byType.isEmpty()) {
            return List.of();
        }
        StringBuilder typeCase = new StringBuilder("CASE");
        Map<String, Object> params = new HashMap<>();
        byType.forEach((type, ids) -> {
            typeCase.append(" WHEN f.organisation_id IN (:t_")
                    .append(type.name())
                    .append(") THEN '")
                    .append(type.name())
                    .append("'");
            params.put("t_" + type.name(), ids);
        });
        typeCase.append(" END");

        Map<OrganisationType, Map<Severity, Long>> bySeverity = new EnumMap<>(OrganisationType.class);
        Map<OrganisationType, Map<FindingStatus, Long>> byStatus = new EnumMap<>(OrganisationType.class);
        byType.keySet().forEach(type -> {
            bySeverity.put(type, zeros(Severity.class));
            byStatus.put(type, zeros(FindingStatus.class));
        });
        jdbc.sql("SELECT x.t, x.severity, x.status, COUNT(*) AS n FROM (SELECT " + typeCase
                        + " AS t, f.severity, f.status FROM finding f) x"
                        + " WHERE x.t IS NOT NULL GROUP BY x.t, x.severity, x.status")
                .params(params)
                .query(rs -> {
                    OrganisationType type = OrganisationType.valueOf(rs.getString("t"));
                    long n = rs.getLong("n");
                    bySeverity.get(type).merge(Severity.valueOf(rs.getString("severity")), n, Long::sum);
                    byStatus.get(type).merge(FindingStatus.valueOf(rs.getString("status")), n, Long::sum);
                });

        Map<OrganisationType, BigDecimal> medians = new EnumMap<>(OrganisationType.class);
        Map<OrganisationType, Share> shares = new EnumMap<>(OrganisationType.class);
        jdbc.sql("WITH closed AS (SELECT " + typeCase + " AS t, " + Closing.DAYS + " AS days, " + Closing.WITHIN
                        + " AS within FROM finding f JOIN " + Closing.closedAt("") + " c ON c.finding_id = f.id"
                        + " WHERE f.status IN " + Closing.STATUSES + "),"
                        + " histogram AS (SELECT t, days, COUNT(*) AS n, SUM(within) AS w FROM closed"
                        + "   WHERE t IS NOT NULL GROUP BY t, days),"
                        + " running AS (SELECT t, days, w, SUM(n) OVER (PARTITION BY t ORDER BY days) AS upto,"
                        + "   SUM(n) OVER (PARTITION BY t) AS total FROM histogram)"
                        + " SELECT t, MAX(total) AS closed, SUM(w) AS within,"
                        + "   MIN(CASE WHEN 2 * upto >= total THEN days END) AS lower_days,"
                        + "   MIN(CASE WHEN 2 * upto > total THEN days END) AS upper_days"
                        + " FROM running GROUP BY t")
                .params(params)
                .query(rs -> {
                    OrganisationType type = OrganisationType.valueOf(rs.getString("t"));
                    medians.put(type, median(rs.getLong("lower_days"), rs.getLong("upper_days")));
                    shares.put(type, new Share(rs.getLong("closed"), rs.getLong("within")));
                });

        List<TypeFigures> figures = new ArrayList<>();
        byType.forEach((type, ids) -> figures.add(new TypeFigures(
                type,
                ids.size(),
                bySeverity.get(type),
                byStatus.get(type),
                medians.get(type),
                shares.getOrDefault(type, Share.NONE))));
        return figures;
    }

    /** The median of a histogram: the middle value, or halfway between the two middle ones. */
    static BigDecimal median(long lower, long upper) {
        return BigDecimal.valueOf(lower + upper).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> zeros = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            zeros.put(value, 0L);
        }
        return zeros;
    }
}
