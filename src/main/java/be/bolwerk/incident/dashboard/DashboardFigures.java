package be.bolwerk.incident.dashboard;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.obligation.ObligationKind;
import be.bolwerk.incident.obligation.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the dashboard shows, one record per panel. Public because the template reads it. The lists that name
 * incidents and organisations ({@code waiting}, {@code breaches}, {@code deadlines}) are empty for a programme
 * officer, who sees the aggregates only (ADR 0044).
 */
public record DashboardFigures(
        Period period,
        Instant since,
        Instant now,
        boolean detail,
        List<Waiting> waiting,
        List<Breach> breaches,
        List<Rate> rates,
        List<Deadline> deadlines,
        List<Month> months,
        List<Containment> containment) {

    /** The key of the series of incidents that were never classified (dismissed or merged before triage). */
    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    /** An open incident without any CRT step yet, with the moment its first response is due. */
    public record Waiting(
            UUID incidentId,
            String reference,
            String organisation,
            IncidentSeverity severity,
            Instant reportedAt,
            Instant due,
            Countdown countdown) {}

    /** An incident of the period whose first CRT step came after the severity's SLA, {@code minutesLate} after it. */
    public record Breach(
            UUID incidentId,
            String reference,
            String organisation,
            IncidentSeverity severity,
            Instant reportedAt,
            Instant firstResponseAt,
            long slaMinutes,
            long minutesLate) {}

    /** Of the incidents of the period that got a first response, how many and how many late, per severity. */
    public record Rate(IncidentSeverity severity, long slaMinutes, long answered, long late) {

        /** The share answered late in whole percent, or null when none were answered. */
        public Long percentLate() {
            return answered == 0 ? null : Math.round(100.0 * late / answered);
        }
    }

    /** A pending regulator obligation with a deadline, and its countdown. */
    public record Deadline(
            UUID incidentId,
            String reference,
            String organisation,
            ObligationKind kind,
            Recipient recipient,
            Instant dueAt,
            Countdown countdown) {}

    /**
     * Time left to a due moment, or past it, as the obligations page words it ({@code incident.obligation.countdown.*}
     * with two numbers); {@code js/countdown.js} counts on from the server's moment with the same rounding.
     */
    public record Countdown(boolean late, String key, long first, long second) {

        static Countdown of(Instant now, Instant due) {
            Duration left = Duration.between(now, due);
            boolean late = left.isNegative();
            long minutes = left.abs().toMinutes();
            long hours = minutes / 60;
            if (hours >= 48) {
                return new Countdown(
                        late,
                        late ? "incident.obligation.countdown.lateDays" : "incident.obligation.countdown.leftDays",
                        hours / 24,
                        hours % 24);
            }
            return new Countdown(
                    late,
                    late ? "incident.obligation.countdown.late" : "incident.obligation.countdown.left",
                    hours,
                    minutes % 60);
        }
    }

    /**
     * One Brussels calendar month: the incidents reported in it per category (key: the category's name or
     * {@link #UNCLASSIFIED}), every key present.
     */
    public record Month(YearMonth month, Map<String, Long> perCategory) {

        public long total() {
            return perCategory.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(String category) {
            return perCategory.getOrDefault(category, 0L);
        }
    }

    /** Hours from reported to contained; {@code severity} null is the line over all severities. */
    public record Containment(IncidentSeverity severity, long contained, Double medianHours, Double p90Hours) {}

    /** The series of the monthly chart in order: every category, then the unclassified. */
    public static List<String> seriesKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (IncidentCategory category : IncidentCategory.values()) {
            keys.add(category.name());
        }
        keys.add(UNCLASSIFIED);
        return List.copyOf(keys);
    }
}
