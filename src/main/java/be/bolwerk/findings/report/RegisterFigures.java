package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.RegisterVersions;
import be.bolwerk.shared.BelgianTime;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of one organisation's register, counted by the database with the organisation written out in every
 * query: findings by severity and status, the burn-down of open findings by severity at the end of each of the last
 * {@link #WEEKS} weeks, and the share closed within the SLA, overall and per severity. The caller checks that the
 * person may see the organisation.
 *
 * <p>A finding is open at a moment when it existed then and its last closing step before then, if any, was followed
 * by a reopening (ADR 0031). The burn-down is counted without a pass per week (ADR 0033): the database groups the
 * findings by severity and by the week they arrived in, and the closed ones by the week of their {@code closed_at},
 * and running sums give each week's open findings. The closing moment alone misses the weeks a finding spent closed
 * before it was reopened; those findings (reopened after a closing step: rare) are read from the history through an
 * index and corrected one by one.
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

    /** What the figures depend on: the organisation's findings as of a register version, and the day. */
    private record Key(UUID organisation, long version, LocalDate today) {}

    private final JdbcClient jdbc;
    private final RegisterVersions versions;

    /*
     * The figures read every finding of the organisation (four grouped queries: 20,000 index entries twice for a
     * large register); they change only when a finding does. Kept under the register version (ADR 0046), so the
     * progress page and the improvement plan count again only after a change or on a new day. Callers only read
     * them.
     */
    private final Cache<Key, Figures> kept = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(RegisterVersions.KEPT_FOR)
            .build();

    RegisterFigures(JdbcClient jdbc, RegisterVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Transactional(readOnly = true)
    Figures of(UUID organisation, LocalDate today) {
        return kept.get(new Key(organisation, versions.of(organisation), today), key -> count(organisation, today));
    }

    private Figures count(UUID organisation, LocalDate today) {
        List<LocalDate> ends = weekEnds(today);
        List<OffsetDateTime> moments = ends.stream()
                .map(end -> OffsetDateTime.from(end.plusDays(1).atStartOfDay(BelgianTime.ZONE)))
                .toList();
        long[][] open = new long[WEEKS][Severity.values().length];
        add(open, perWeek(organisation, "created_at", moments, null), 1);
        Map<Severity, Share> perSeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            perSeverity.put(severity, Share.NONE);
        }
        add(open, perWeek(organisation, "closed_at", moments, perSeverity), -1);
        reopenedAfterClosing(organisation, moments, open);
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, open[i][severity.ordinal()]);
            }
            weeks.add(new Week(ends.get(i), bySeverity));
        }
        Share overall = perSeverity.values().stream().reduce(Share.NONE, Share::plus);
        return new Figures(today, counts(organisation), weeks, overall, perSeverity);
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

    /**
     * How many findings of the organisation have their {@code column} moment in each week, per severity: bucket
     * {@code i} holds the moments before the end of week {@code i} and not before that of week {@code i - 1}, bucket
     * {@link #WEEKS} those after today. With {@code shares}, also each severity's share closed within the SLA.
     */
    private long[][] perWeek(
            UUID organisation, String column, List<OffsetDateTime> moments, Map<Severity, Share> shares) {
        StringBuilder week = new StringBuilder("CASE");
        for (int i = 0; i < moments.size(); i++) {
            week.append(" WHEN f.")
                    .append(column)
                    .append(" < :w")
                    .append(i)
                    .append(" THEN ")
                    .append(i);
        }
        week.append(" ELSE ").append(WEEKS).append(" END");
        var statement = jdbc.sql("SELECT x.severity, x.week, COUNT(*) AS n, SUM(x.within) AS within FROM (SELECT"
                        + " f.severity, " + week + " AS week, " + (shares == null ? "0" : Closing.WITHIN)
                        + " AS within FROM finding f WHERE f.organisation_id = :org AND f." + column
                        + " IS NOT NULL) x GROUP BY x.severity, x.week")
                .param("org", organisation);
        for (int i = 0; i < moments.size(); i++) {
            statement = statement.param("w" + i, moments.get(i));
        }
        long[][] counts = new long[WEEKS + 1][Severity.values().length];
        statement.query(rs -> {
            Severity severity = Severity.valueOf(rs.getString("severity"));
            counts[rs.getInt("week")][severity.ordinal()] += rs.getLong("n");
            if (shares != null) {
                shares.merge(severity, new Share(rs.getLong("n"), rs.getLong("within")), Share::plus);
            }
        });
        return counts;
    }

    /** Adds {@code sign} times the running sums of {@code perWeek} to each week's open findings. */
    private static void add(long[][] open, long[][] perWeek, int sign) {
        long[] sum = new long[Severity.values().length];
        for (int i = 0; i < WEEKS; i++) {
            for (int s = 0; s < sum.length; s++) {
                sum[s] += perWeek[i][s];
                open[i][s] += sign * sum[s];
            }
        }
    }

    /** A closing or reopening line of the history. */
    record Line(int seq, boolean closing, OffsetDateTime at) {}

    /** A finding reopened after a closing step, with its closing and reopening lines in order. */
    private record Reopened(Severity severity, OffsetDateTime createdAt, OffsetDateTime closedAt, List<Line> lines) {}

    /**
     * The findings that were reopened after a closing step, with their closing and reopening lines: for each week,
     * what the history says (closed at that moment when its last closing step before then was not followed by a
     * reopening before then) replaces what {@code closed_at} said.
     */
    private void reopenedAfterClosing(UUID organisation, List<OffsetDateTime> moments, long[][] open) {
        Map<UUID, Reopened> findings = new LinkedHashMap<>();
        jdbc.sql("SELECT f.id, f.severity, f.created_at, f.closed_at, h.seq, h.step, h.at"
                        + " FROM finding f JOIN finding_history h ON h.finding_id = f.id"
                        + " WHERE f.organisation_id = :org AND h.organisation_id = :org"
                        + " AND h.step IN ('REOPENED', 'FIX_VERIFIED', 'DUPLICATE', 'FALSE_POSITIVE', 'OUT_OF_SCOPE')"
                        + " AND f.id IN (SELECT r.finding_id FROM finding_history r"
                        + "   WHERE r.organisation_id = :org AND r.step = 'REOPENED' AND EXISTS (SELECT 1"
                        + "     FROM finding_history c WHERE c.finding_id = r.finding_id AND c.step IN " + Closing.STEPS
                        + "     AND c.seq < r.seq))"
                        + " ORDER BY f.id, h.seq")
                .param("org", organisation)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (!findings.containsKey(id)) {
                        findings.put(
                                id,
                                new Reopened(
                                        Severity.valueOf(rs.getString("severity")),
                                        rs.getObject("created_at", OffsetDateTime.class),
                                        rs.getObject("closed_at", OffsetDateTime.class),
                                        new ArrayList<>()));
                    }
                    findings.get(id)
                            .lines()
                            .add(new Line(
                                    rs.getInt("seq"),
                                    !"REOPENED".equals(rs.getString("step")),
                                    rs.getObject("at", OffsetDateTime.class)));
                });
        for (Reopened finding : findings.values()) {
            int s = finding.severity().ordinal();
            for (int i = 0; i < WEEKS; i++) {
                OffsetDateTime upto = moments.get(i);
                boolean existed = finding.createdAt().isBefore(upto);
                boolean closedByColumn =
                        finding.closedAt() != null && finding.closedAt().isBefore(upto);
                open[i][s] += (closedByColumn ? 1 : 0) - (existed && closedByHistory(finding.lines(), upto) ? 1 : 0);
            }
        }
    }

    /** Closed at {@code upto}: a closing line before it that no reopening line after it (by seq) before it undid. */
    static boolean closedByHistory(List<Line> lines, OffsetDateTime upto) {
        for (Line closing : lines) {
            if (closing.closing() && closing.at().isBefore(upto)) {
                boolean undone =
                        lines.stream().anyMatch(r -> !r.closing() && r.seq() > closing.seq() && r.at().isBefore(upto));
                if (!undone) {
                    return true;
                }
            }
        }
        return false;
    }
}
