package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.shared.BelgianTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of one organisation's register, counted by the database with the organisation written out in every
 * query: findings by severity and status, the burn-down of open findings by severity at the end of each of the last
 * {@link #WEEKS} weeks (from the creation and closing moments in the history: a finding is open at a moment when it
 * existed and its last closing step before then, if any, was followed by a reopening), and the share closed within
 * the SLA, overall and per severity. The caller checks that the person may see the organisation.
 */
@Component
class RegisterFigures {

    static final int WEEKS = 26;

    /** Open findings by severity at the end of the day {@code end}. */
    record Week(LocalDate end, Map<Severity, Long> open) {

        public long total() {
            return open.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Figures(
            LocalDate today,
            Map<Severity, Map<FindingStatus, Long>> counts,
            List<Week> weeks,
            Share overall,
            Map<Severity, Share> perSeverity) {

        public long count(Severity severity) {
            return counts.get(severity).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        public long count(FindingStatus status) {
            return counts.values().stream().mapToLong(m -> m.get(status)).sum();
        }

        public long total() {
            return counts.values().stream()
                    .flatMap(m -> m.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private final JdbcClient jdbc;

    RegisterFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Figures of(UUID organisation, LocalDate today) {
        Shares shares = share(organisation);
        return new Figures(
                today, counts(organisation), weeks(organisation, today), shares.overall(), shares.perSeverity());
    }

    private Map<Severity, Map<FindingStatus, Long>> counts(UUID organisation) {
        Map<Severity, Map<FindingStatus, Long>> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            Map<FindingStatus, Long> byStatus = new EnumMap<>(FindingStatus.class);
            for (FindingStatus status : FindingStatus.values()) {
                byStatus.put(status, 0L);
            }
            counts.put(severity, byStatus);
        }
        jdbc.sql("""
                        SELECT f.severity, f.status, COUNT(*) AS n FROM finding f
                        WHERE f.organisation_id = :org GROUP BY f.severity, f.status
                        """).param("org", organisation).query(rs -> {
            counts.get(Severity.valueOf(rs.getString("severity")))
                    .put(FindingStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    /** The week ends, oldest first, the last one today; each counts up to the end of its day in Belgium. */
    static List<LocalDate> weekEnds(LocalDate today) {
        List<LocalDate> ends = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            ends.add(today.minusWeeks(i));
        }
        return ends;
    }

    private List<Week> weeks(UUID organisation, LocalDate today) {
        List<LocalDate> ends = weekEnds(today);
        StringBuilder moments = new StringBuilder();
        for (int i = 0; i < ends.size(); i++) {
            moments.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT ")
                    .append(i)
                    .append(" AS n, CAST(:w")
                    .append(i)
                    .append(" AS TIMESTAMP WITH TIME ZONE) AS upto");
        }
        var statement = jdbc.sql("SELECT w.n, f.severity, COUNT(*) AS n_open FROM (" + moments + ") w"
                        + " JOIN finding f ON f.organisation_id = :org AND f.created_at < w.upto"
                        + " WHERE NOT EXISTS (SELECT 1 FROM finding_history c"
                        + "   WHERE c.finding_id = f.id AND c.organisation_id = :org AND c.step IN " + Closing.STEPS
                        + "   AND c.at < w.upto AND NOT EXISTS (SELECT 1 FROM finding_history r"
                        + "     WHERE r.finding_id = f.id AND r.organisation_id = :org AND r.step = 'REOPENED'"
                        + "     AND r.seq > c.seq AND r.at < w.upto))"
                        + " GROUP BY w.n, f.severity")
                .param("org", organisation);
        for (int i = 0; i < ends.size(); i++) {
            statement = statement.param(
                    "w" + i, OffsetDateTime.from(ends.get(i).plusDays(1).atStartOfDay(BelgianTime.ZONE)));
        }
        List<Map<Severity, Long>> open = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, 0L);
            }
            open.add(bySeverity);
        }
        statement.query(rs -> {
            open.get(rs.getInt("n")).put(Severity.valueOf(rs.getString("severity")), rs.getLong("n_open"));
        });
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            weeks.add(new Week(ends.get(i), open.get(i)));
        }
        return weeks;
    }

    private record Shares(Share overall, Map<Severity, Share> perSeverity) {}

    private Shares share(UUID organisation) {
        Map<Severity, Share> perSeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            perSeverity.put(severity, Share.NONE);
        }
        jdbc.sql("SELECT f.severity, COUNT(*) AS closed, SUM(" + Closing.WITHIN + ") AS within FROM finding f JOIN "
                        + Closing.closedAt(" AND h.organisation_id = :org") + " c ON c.finding_id = f.id"
                        + " WHERE f.organisation_id = :org AND f.status IN " + Closing.STATUSES
                        + " GROUP BY f.severity")
                .param("org", organisation)
                .query(rs -> {
                    perSeverity.put(
                            Severity.valueOf(rs.getString("severity")),
                            new Share(rs.getLong("closed"), rs.getLong("within")));
                });
        Share overall = perSeverity.values().stream().reduce(Share.NONE, Share::plus);
        return new Shares(overall, perSeverity);
    }
}
