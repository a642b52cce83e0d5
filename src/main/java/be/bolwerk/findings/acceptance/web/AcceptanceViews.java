package be.bolwerk.findings.acceptance.web;

import be.bolwerk.findings.acceptance.AcceptanceList;
import be.bolwerk.findings.acceptance.AcceptanceStep;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.web.HistoryRow;
import be.bolwerk.shared.web.SortColumn;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The acceptance pages as they show them, worked out once in Java (ADR 0016): dates as people read them, labels in
 * the reader's language, the sort links of the columns with the filters kept, and the pager's links.
 */
final class AcceptanceViews {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(BelgianTime.ZONE);

    private AcceptanceViews() {}

    public record RowView(
            String href,
            String title,
            String organisation,
            String decision,
            String status,
            String owner,
            String expires,
            int findings) {}

    public record ListView(
            List<RowView> rows,
            List<SortColumn> columns,
            long total,
            int page,
            int pages,
            String previous,
            String next,
            boolean severalOrganisations) {}

    public record FindingView(String href, String title, String severity, String status, String due) {}

    static ListView list(
            Paged<AcceptanceList.Row> page,
            AcceptanceList.Search search,
            Map<UUID, String> organisations,
            Function<String, String> text) {
        List<RowView> rows = page.items().stream()
                .map(r -> new RowView(
                        "/findings/risk-acceptances/" + r.id(),
                        r.title(),
                        organisations.getOrDefault(r.organisationId(), ""),
                        text.apply("findings.acceptance.decision." + r.decision()),
                        text.apply("findings.acceptance.status." + r.status()),
                        r.ownerName(),
                        day(r.expiresOn()),
                        r.findings()))
                .toList();
        List<SortColumn> columns = new ArrayList<>();
        for (AcceptanceList.Sort sort : AcceptanceList.Sort.values()) {
            boolean current = sort == search.sort();
            columns.add(SortColumn.of(
                    text.apply("findings.acceptance.column." + sort.name().toLowerCase(Locale.ROOT)),
                    link(search, sort, current && !search.descending(), 0),
                    current,
                    search.descending()));
        }
        return new ListView(
                rows,
                columns,
                page.total(),
                page.page(),
                page.totalPages(),
                link(search, search.sort(), search.descending(), page.page() - 1),
                link(search, search.sort(), search.descending(), page.page() + 1),
                organisations.size() > 1);
    }

    static List<FindingView> findings(List<AcceptanceList.FindingRow> rows, Function<String, String> text) {
        return rows.stream()
                .map(f -> new FindingView(
                        "/findings/" + f.id(),
                        f.title(),
                        text.apply("finding.severity." + f.severity()),
                        text.apply("finding.status." + f.status()),
                        day(f.dueDate())))
                .toList();
    }

    static List<HistoryRow> history(List<AcceptanceStep> steps) {
        return steps.stream()
                .map(step -> new HistoryRow(
                        MOMENT.format(step.at()),
                        "findings.acceptance.step." + step.kind(),
                        step.actorName(),
                        step.note()))
                .toList();
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static String link(AcceptanceList.Search search, AcceptanceList.Sort sort, boolean descending, int page) {
        return UriComponentsBuilder.fromPath("/findings/risk-acceptances")
                .queryParam("q", search.query())
                .queryParam(
                        "status", search.status() == null ? "" : search.status().name())
                .queryParam("sort", sort.name().toLowerCase(Locale.ROOT))
                .queryParam("dir", descending ? "desc" : "asc")
                .queryParam("page", Math.max(0, page))
                .encode()
                .build()
                .toUriString();
    }
}
