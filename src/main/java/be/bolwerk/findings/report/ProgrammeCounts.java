package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.report.ProgrammeFigures.Scope;
import be.bolwerk.findings.report.ProgrammeFigures.TypeFigures;
import be.bolwerk.organisation.OrganisationType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the programme view's figures for one scope, in the database: the scope's organisation ids become one CASE
 * of id lists per type, so each query is one pass over {@code finding} grouped by type. Only numbers: no query here
 * reads a finding's title, description or any other text. The median comes from a histogram of whole days with
 * running totals (window sums), which H2 and PostgreSQL both compute, instead of PERCENTILE_CONT, which H2 lacks.
 * The closing moment is the finding's {@code closed_at} (ADR 0033): no query reads the history. A pass over every
 * register is too much per request; {@link ProgrammeFigures} keeps the result for a while.
 */
@Component
class ProgrammeCounts {

    private final JdbcClient jdbc;

    ProgrammeCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every organisation type of the scope, in the enum's order. */
    @Transactional(readOnly = true)
    List<TypeFigures> of(Scope scope) {
        Map<OrganisationType, List<java.util.UUID>> byType = scope.byType();
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
                        + " AS within FROM finding f WHERE " + Closing.CLOSED + "),"
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
