package be.bolwerk.findings.web;

import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.Step;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.web.HistoryRow;
import be.bolwerk.shared.web.SortColumn;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The register as its page shows it, worked out once in Java (ADR 0016): dates as people read them, the sort links
 * of the columns (with every filter kept), and the pager's links.
 */
final class FindingViews {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(BelgianTime.ZONE);

    private static final FindingList.Sort[] SORTABLE = {
        FindingList.Sort.TITLE,
        FindingList.Sort.SEVERITY,
        FindingList.Sort.STATUS,
        FindingList.Sort.OWNER,
        FindingList.Sort.DUE
    };

    private FindingViews() {}

    record RowView(
            String href,
            String title,
            String organisation,
            String severity,
            String status,
            String source,
            String system,
            String owner,
            String due,
            boolean overdue,
            // CVSS in the forms (ADR 0029)
            String cvss) {}

    record ListView(
            List<RowView> rows,
            List<SortColumn> columns,
            long total,
            int page,
            int pages,
            String previous,
            String next,
            boolean severalOrganisations) {}

    /** The page's rows and columns with every label already in the reader's language ({@code text}: key → text). */
    static ListView list(
            Paged<FindingList.Row> page,
            FindingList.Search search,
            Map<UUID, String> organisations,
            Function<String, String> text) {
        List<RowView> rows = page.items().stream()
                .map(r -> new RowView(
                        "/findings/" + r.id(),
                        r.title(),
                        organisations.getOrDefault(r.organisationId(), ""),
                        text.apply("finding.severity." + r.severity()),
                        text.apply("finding.status." + r.status()),
                        text.apply("finding.source." + r.source()),
                        r.affectedSystem(),
                        r.ownerName() == null ? "" : r.ownerName(),
                        day(r.dueDate()),
                        r.overdue(),
                        r.cvssScore() == null ? "" : "CVSS " + r.cvssScore().toPlainString()))
                .toList();
        List<SortColumn> columns = new ArrayList<>();
        for (FindingList.Sort sort : SORTABLE) {
            boolean current = sort == search.sort();
            columns.add(SortColumn.of(
                    text.apply("finding.column." + sort.name().toLowerCase(java.util.Locale.ROOT)),
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

    /** A finding's history for the shared history table, in the order the store gives it. */
    static List<HistoryRow> history(List<Step> steps) {
        return steps.stream()
                .map(step -> new HistoryRow(
                        MOMENT.format(step.at()), "finding.step." + step.kind(), step.actorName(), step.note()))
                .toList();
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static String link(FindingList.Search search, FindingList.Sort sort, boolean descending, int page) {
        return UriComponentsBuilder.fromPath("/findings")
                .queryParam("q", search.query())
                .queryParam(
                        "status", search.status() == null ? "" : search.status().name())
                .queryParam(
                        "severity",
                        search.severity() == null ? "" : search.severity().name())
                .queryParam(
                        "source", search.source() == null ? "" : search.source().name())
                .queryParam(
                        "owner", search.owner() == null ? "" : search.owner().toString())
                .queryParam("due", search.due() == null ? "" : search.due().name())
                .queryParam("sort", sort.name().toLowerCase(java.util.Locale.ROOT))
                .queryParam("dir", descending ? "desc" : "asc")
                .queryParam("page", Math.max(0, page))
                .encode()
                .build()
                .toUriString();
    }
}
