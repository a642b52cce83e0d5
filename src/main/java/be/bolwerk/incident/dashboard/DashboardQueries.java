package be.bolwerk.incident.dashboard;

import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.dashboard.DashboardFigures.Breach;
import be.bolwerk.incident.dashboard.DashboardFigures.Containment;
import be.bolwerk.incident.dashboard.DashboardFigures.Deadline;
import be.bolwerk.incident.dashboard.DashboardFigures.Month;
import be.bolwerk.incident.dashboard.DashboardFigures.Rate;
import be.bolwerk.incident.dashboard.DashboardFigures.Waiting;
import be.bolwerk.incident.intake.IncidentProperties;
import be.bolwerk.incident.obligation.ObligationKind;
import be.bolwerk.incident.obligation.Recipient;
import be.bolwerk.shared.BelgianTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's set-based queries. Each panel is one statement that groups or limits in the database; none loads
 * every incident. The SQL is the same on H2 and PostgreSQL: durations are compared as seconds
 * ({@code EXTRACT(EPOCH FROM b - a)}), months are bucketed by boundaries computed here in Brussels time (no
 * vendor time-zone functions), and medians are {@code PERCENTILE_CONT}, which both interpolate alike.
 *
 * <p>First response (ADR 0044): the earliest stored step of the incident ({@code incident_step}). Every step there
 * is the CRT's (triage normally; a dismissal, a merge or putting on hold also answers the report).
 */
@Component
class DashboardQueries {

    /** At most this many rows per list panel: the dashboard is a view, not an export of everything. */
    static final int LIST_LIMIT = 200;

    /** The breach export is for the programme council: every breach of a year, within reason. */
    static final int EXPORT_LIMIT = 10_000;

    /** The SLA minutes of a row's severity, from bound parameters; an untriaged incident counts as critical. */
    private static final String SLA_MINUTES = "(CASE COALESCE(i.severity, 'CRITICAL')"
            + " WHEN 'CRITICAL' THEN CAST(:critical AS INTEGER) WHEN 'HIGH' THEN CAST(:high AS INTEGER)"
            + " WHEN 'MEDIUM' THEN CAST(:medium AS INTEGER) ELSE CAST(:low AS INTEGER) END)";

    /** The first step per incident reported in the period, through the step table's primary key. */
    private static final String FIRST_STEPS = "(SELECT s.incident_id, MIN(s.at) AS first_at FROM incident_step s"
            + " JOIN incident r ON r.id = s.incident_id WHERE r.reported_at >= :since AND r.reported_at < :until"
            + " GROUP BY s.incident_id) f";

    private static final String LATE = "EXTRACT(EPOCH FROM (f.first_at - i.reported_at)) > " + SLA_MINUTES + " * 60";

    private final JdbcClient jdbc;
    private final IncidentProperties properties;

    DashboardQueries(JdbcClient jdbc, IncidentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Open incidents no CRT step has answered yet, the longest waiting first. */
    List<Waiting> waiting(Instant now, Function<UUID, String> names) {
        return jdbc.sql("SELECT i.id, i.reference, i.organisation_id, i.severity, i.reported_at FROM incident i"
                        + " WHERE i.status IN (:open) AND NOT EXISTS"
                        + " (SELECT 1 FROM incident_step s WHERE s.incident_id = i.id)"
                        + " ORDER BY i.reported_at, i.id LIMIT :limit")
                .param("open", IncidentStatus.OPEN.stream().map(Enum::name).toList())
                .param("limit", LIST_LIMIT)
                .query((rs, n) -> {
                    IncidentSeverity severity = severity(rs);
                    Instant reported = instant(rs, "reported_at");
                    Instant due = reported.plus(properties.firstResponse(severity));
                    return new Waiting(
                            rs.getObject("id", UUID.class),
                            rs.getString("reference"),
                            names.apply(rs.getObject("organisation_id", UUID.class)),
                            severity,
                            reported,
                            due,
                            DashboardFigures.Countdown.of(now, due));
                })
                .list();
    }

    /**
     * The incidents reported in the period whose first response was late, the most recent report first, at most
     * {@code limit} (the page shows {@link #LIST_LIMIT}, the export {@link #EXPORT_LIMIT}).
     */
    List<Breach> breaches(Instant since, Instant until, int limit, Function<UUID, String> names) {
        return jdbc.sql("SELECT i.id, i.reference, i.organisation_id, i.severity, i.reported_at, f.first_at"
                        + " FROM incident i JOIN " + FIRST_STEPS + " ON f.incident_id = i.id WHERE " + LATE
                        + " ORDER BY i.reported_at DESC, i.id LIMIT :limit")
                .params(slaParams(since, until))
                .param("limit", limit)
                .query((rs, n) -> {
                    IncidentSeverity severity = severity(rs);
                    Instant reported = instant(rs, "reported_at");
                    Instant first = instant(rs, "first_at");
                    Duration sla = properties.firstResponse(severity);
                    return new Breach(
                            rs.getObject("id", UUID.class),
                            rs.getString("reference"),
                            names.apply(rs.getObject("organisation_id", UUID.class)),
                            severity,
                            reported,
                            first,
                            sla.toMinutes(),
                            Duration.between(reported.plus(sla), first).toMinutes());
                })
                .list();
    }

    /** Per severity (untriaged as critical), of the period's answered incidents: how many, how many late. */
    List<Rate> rates(Instant since, Instant until) {
        Map<IncidentSeverity, long[]> counts = new EnumMap<>(IncidentSeverity.class);
        jdbc.sql("SELECT COALESCE(i.severity, 'CRITICAL') AS level, COUNT(*) AS answered,"
                        + " SUM(CASE WHEN " + LATE + " THEN 1 ELSE 0 END) AS late"
                        + " FROM incident i JOIN " + FIRST_STEPS + " ON f.incident_id = i.id"
                        + " GROUP BY COALESCE(i.severity, 'CRITICAL')")
                .params(slaParams(since, until))
                .query((rs, n) -> counts.put(
                        IncidentSeverity.valueOf(rs.getString("level")),
                        new long[] {rs.getLong("answered"), rs.getLong("late")}))
                .list();
        List<Rate> rates = new ArrayList<>();
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            long[] c = counts.getOrDefault(severity, new long[2]);
            rates.add(new Rate(severity, properties.firstResponse(severity).toMinutes(), c[0], c[1]));
        }
        return rates;
    }

    /** Every pending regulator obligation with a deadline, nearest (so overdue) first. */
    List<Deadline> deadlines(Instant now, Function<UUID, String> names) {
        return jdbc.sql("SELECT o.incident_id, o.organisation_id, o.kind, o.recipient, o.due_at, i.reference"
                        + " FROM incident_obligation o JOIN incident i ON i.id = o.incident_id"
                        + " WHERE o.state = 'PENDING' AND o.due_at IS NOT NULL ORDER BY o.due_at, o.id LIMIT :limit")
                .param("limit", LIST_LIMIT)
                .query((rs, n) -> new Deadline(
                        rs.getObject("incident_id", UUID.class),
                        rs.getString("reference"),
                        names.apply(rs.getObject("organisation_id", UUID.class)),
                        ObligationKind.valueOf(rs.getString("kind")),
                        Recipient.valueOf(rs.getString("recipient")),
                        instant(rs, "due_at"),
                        DashboardFigures.Countdown.of(now, instant(rs, "due_at"))))
                .list();
    }

    /**
     * The incidents reported in the last twelve Brussels months (this one included) per category. Dismissed and
     * merged reports are not incidents of their own and are left out. The month of a report is found by comparing
     * with the months' first moments, computed here: a report at 23:30 UTC on 31 January is February's in Brussels.
     */
    List<Month> months(Instant now) {
        YearMonth last = YearMonth.from(now.atZone(BelgianTime.ZONE));
        YearMonth first = last.minusMonths(11);
        Map<String, Object> params = new HashMap<>();
        StringBuilder bucket = new StringBuilder("CASE");
        for (int m = 1; m <= 11; m++) {
            bucket.append(" WHEN reported_at < :m").append(m).append(" THEN ").append(m - 1);
            params.put("m" + m, utc(start(first.plusMonths(m))));
        }
        bucket.append(" ELSE 11 END");
        params.put("from", utc(start(first)));
        params.put("to", utc(start(last.plusMonths(1))));
        params.put("excluded", List.of(IncidentStatus.NOT_AN_INCIDENT.name(), IncidentStatus.MERGED.name()));
        Map<Integer, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("SELECT b.bucket, b.category, COUNT(*) AS n FROM (SELECT " + bucket + " AS bucket,"
                        + " COALESCE(category, '" + DashboardFigures.UNCLASSIFIED + "') AS category FROM incident"
                        + " WHERE reported_at >= :from AND reported_at < :to AND status NOT IN (:excluded)) b"
                        + " GROUP BY b.bucket, b.category")
                .params(params)
                .query((rs, n) -> counts.computeIfAbsent(rs.getInt("bucket"), k -> new HashMap<>())
                        .put(rs.getString("category"), rs.getLong("n")))
                .list();
        List<Month> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            Map<String, Long> perCategory = new LinkedHashMap<>();
            Map<String, Long> found = counts.getOrDefault(m, Map.of());
            for (String key : DashboardFigures.seriesKeys()) {
                perCategory.put(key, found.getOrDefault(key, 0L));
            }
            months.add(new Month(first.plusMonths(m), perCategory));
        }
        return months;
    }

    /**
     * Median and 90th percentile of the hours from reported to contained, per severity and over all, of the incidents
     * reported in the period that were contained. From the report, not the start people guessed: the start is
     * optional and an estimate, the report is when the CRT could act.
     */
    List<Containment> containment(Instant since, Instant until) {
        String hours = "EXTRACT(EPOCH FROM (i.contained_at - i.reported_at))";
        String figures = "COUNT(*) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + hours + ") AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + hours + ") AS p90 FROM incident i"
                + " WHERE i.contained_at IS NOT NULL AND i.reported_at >= :since AND i.reported_at < :until";
        Map<IncidentSeverity, Containment> per = new EnumMap<>(IncidentSeverity.class);
        jdbc.sql("SELECT COALESCE(i.severity, 'CRITICAL') AS level, " + figures
                        + " GROUP BY COALESCE(i.severity, 'CRITICAL')")
                .param("since", utc(since))
                .param("until", utc(until))
                .query((rs, n) -> {
                    IncidentSeverity severity = IncidentSeverity.valueOf(rs.getString("level"));
                    return per.put(severity, containment(severity, rs));
                })
                .list();
        List<Containment> result = new ArrayList<>();
        for (IncidentSeverity severity : IncidentSeverity.values()) {
            result.add(per.getOrDefault(severity, new Containment(severity, 0, null, null)));
        }
        result.add(jdbc.sql("SELECT " + figures)
                .param("since", utc(since))
                .param("until", utc(until))
                .query((rs, n) -> containment(null, rs))
                .single());
        return result;
    }

    private static Containment containment(IncidentSeverity severity, ResultSet rs) throws SQLException {
        long n = rs.getLong("n");
        return new Containment(severity, n, n == 0 ? null : hours(rs, "median"), n == 0 ? null : hours(rs, "p90"));
    }

    /** Seconds from the database as hours, to a tenth. */
    private static Double hours(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(seconds / 360.0) / 10.0;
    }

    private Map<String, Object> slaParams(Instant since, Instant until) {
        Map<String, Object> params = new HashMap<>();
        params.put("since", utc(since));
        params.put("until", utc(until));
        params.put(
                "critical", properties.firstResponse(IncidentSeverity.CRITICAL).toMinutes());
        params.put("high", properties.firstResponse(IncidentSeverity.HIGH).toMinutes());
        params.put("medium", properties.firstResponse(IncidentSeverity.MEDIUM).toMinutes());
        params.put("low", properties.firstResponse(IncidentSeverity.LOW).toMinutes());
        return params;
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(BelgianTime.ZONE).toInstant();
    }

    private static IncidentSeverity severity(ResultSet rs) throws SQLException {
        String value = rs.getString("severity");
        return value == null ? null : IncidentSeverity.valueOf(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
