package be.bolwerk.incident.web;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.incident.intake.IncidentList;
import be.bolwerk.incident.obligation.OpenObligations;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.web.SortColumn;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the incident pages show, worked out once in the reader's time zone (Brussels) so that the templates only
 * print. Public records with public accessors: templates read them (ADR 0028 addendum).
 */
final class IncidentViews {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private IncidentViews() {}

    /** A moment as people read it in Belgium; empty for none. */
    static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(BelgianTime.ZONE));
    }

    /**
     * One row of the list, with the nearest pending regulator deadline of the incident (null when none) and
     * whether one has passed: the CRT queue makes those stand out.
     */
    public record Row(IncidentList.Row row, String reportedAt, String obligationDue, boolean obligationOverdue) {}

    static List<Row> rows(List<IncidentList.Row> rows, Map<IncidentId, OpenObligations.Open> open) {
        return rows.stream()
                .map(r -> {
                    OpenObligations.Open o = open.get(r.id());
                    return new Row(
                            r,
                            moment(r.reportedAt()),
                            o == null ? null : moment(o.nearestDue()),
                            o != null && o.overdue());
                })
                .toList();
    }

    /** The sortable columns of the list, each linking to the list sorted by it, the other filters kept. */
    static List<SortColumn> columns(
            IncidentList.Search search, Function<String, String> label, Function<String, String> href) {
        return List.of(
                column("reference", IncidentList.Sort.REFERENCE, search, label, href),
                column("reported", IncidentList.Sort.REPORTED, search, label, href),
                column("severity", IncidentList.Sort.SEVERITY, search, label, href),
                column("status", IncidentList.Sort.STATUS, search, label, href));
    }

    private static SortColumn column(
            String key,
            IncidentList.Sort sort,
            IncidentList.Search search,
            Function<String, String> label,
            Function<String, String> href) {
        boolean current = search.sort() == sort;
        boolean nextDescending = current ? !search.descending() : sort == IncidentList.Sort.REPORTED;
        return SortColumn.of(
                label.apply("incident.list.column." + key),
                href.apply(sort.name().toLowerCase(java.util.Locale.ROOT) + (nextDescending ? ":desc" : ":asc")),
                current,
                search.descending());
    }

    /** The report of one incident as it was sent, for the overview. */
    public record ReportView(
            String reporter,
            String reportedAt,
            String channel,
            String whatHappened,
            String startedAt,
            String noticedAt,
            String howNoticed,
            Answer ongoing,
            String affectedSystems,
            Answer personalData,
            Answer citizensAffected,
            String actionsTaken,
            String alreadyInformed,
            String callbackPhone,
            boolean ransomware,
            Report.Ransomware ransomwareDetails,
            String policeComplaintNumber,
            String insurer,
            String insurerPolicy,
            String insurerNotifiedAt) {}

    static ReportView report(Incident incident) {
        Report r = incident.report();
        return new ReportView(
                incident.reported().reporter().name(),
                moment(incident.reported().reportedAt()),
                "incident.channel." + incident.reported().channel(),
                r.whatHappened(),
                moment(r.startedAt()),
                moment(r.noticedAt()),
                r.howNoticed(),
                r.ongoing(),
                r.affectedSystems(),
                r.personalData(),
                r.citizensAffected(),
                r.actionsTaken(),
                r.alreadyInformed(),
                r.callbackPhone(),
                r.ransomware(),
                r.ransomwareDetails(),
                r.policeComplaintNumber(),
                r.insurer(),
                r.insurerPolicy(),
                moment(r.insurerNotifiedAt()));
    }
}
