package be.bolwerk.findings.web;

import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.Step;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.web.Choice;
import be.bolwerk.shared.web.HistoryRow;
import be.bolwerk.shared.web.SortColumn;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/**
 * The register as its page shows it, worked out once in Java (ADR 0016): dates as people read them, every label
 * and the checkboxes' accessible names, the filter's choices, the sort links of the columns (with every filter
 * kept), and the pager's links. The register is the busiest page of an organisation (issue 12's speed goal): each
 * expression the template no longer evaluates per row or per option is time saved on every request. The records
 * the template reads are public: otherwise the compiled SpEL cannot call their accessors and reflects on every row
 * (ADR 0028's addendum).
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

    /** A message in the reader's language: its key and arguments. */
    @FunctionalInterface
    interface Texts {
        String get(String key, Object... args);
    }

    public record RowView(
            String id,
            String href,
            String title,
            // the accessible name of the row's checkbox for the bulk actions
            String selectLabel,
            String organisation,
            String severity,
            String status,
            String source,
            String system,
            String owner,
            String due,
            // "te laat" for an open finding past its due date, else empty
            String overdue,
            // CVSS in the forms (ADR 0029)
            String cvss) {}

    /** The filter's choices with the current one selected; "all" (the empty value) comes from the template. */
    public record Filters(
            List<Choice> statuses,
            List<Choice> severities,
            List<Choice> sources,
            List<Choice> owners,
            List<Choice> due) {}

    public record ListView(
            List<RowView> rows,
            List<SortColumn> columns,
            long total,
            int page,
            int pages,
            String previous,
            String next,
            boolean severalOrganisations,
            // the page's finding ids, comma-separated, for "every finding on this page" of the bulk form
            String pageIds,
            // the Excel export of this selection (every filter and the sort, no page)
            String exportHref,
            // the sort and direction the filter form keeps, as the request parameters spell them
            String sort,
            String dir) {}

    /** The page's rows and columns with every label already in the reader's language. */
    static ListView list(
            Paged<FindingList.Row> page, FindingList.Search search, Map<UUID, String> organisations, Texts text) {
        String overdue = text.get("finding.overdue");
        List<RowView> rows = page.items().stream()
                .map(r -> new RowView(
                        r.id().toString(),
                        "/findings/" + r.id(),
                        r.title(),
                        text.get("findings.bulk.selectOne", r.title()),
                        organisations.getOrDefault(r.organisationId(), ""),
                        text.get("finding.severity." + r.severity()),
                        text.get("finding.status." + r.status()),
                        text.get("finding.source." + r.source()),
                        r.affectedSystem(),
                        r.ownerName() == null ? "" : r.ownerName(),
                        day(r.dueDate()),
                        r.overdue() ? overdue : "",
                        r.cvssScore() == null ? "" : "CVSS " + r.cvssScore().toPlainString()))
                .toList();
        List<SortColumn> columns = new ArrayList<>();
        for (FindingList.Sort sort : SORTABLE) {
            boolean current = sort == search.sort();
            columns.add(SortColumn.of(
                    text.get("finding.column." + sort.name().toLowerCase(Locale.ROOT)),
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
                organisations.size() > 1,
                rows.stream().map(RowView::id).collect(Collectors.joining(",")),
                selection("/findings/report/register.xlsx", search, search.sort(), search.descending()),
                search.sort().name().toLowerCase(Locale.ROOT),
                search.descending() ? "desc" : "asc");
    }

    /** The filter's choices: statuses, severities, sources, the members who may own a finding, the due filters. */
    static Filters filters(FindingList.Search search, List<OrganisationMember> owners, Texts text) {
        List<Choice> ownerChoices = new ArrayList<>(owners.size());
        for (OrganisationMember owner : owners) {
            ownerChoices.add(new Choice(
                    owner.accountId().toString(),
                    owner.displayName(),
                    owner.accountId().equals(search.owner())));
        }
        return new Filters(
                Choice.of(FindingStatus.values(), search.status(), s -> text.get("finding.status." + s)),
                Choice.of(Severity.values(), search.severity(), s -> text.get("finding.severity." + s)),
                Choice.of(FindingSource.values(), search.source(), s -> text.get("finding.source." + s)),
                ownerChoices,
                List.of(
                        new Choice(
                                FindingList.Due.OVERDUE.name(),
                                text.get("finding.list.overdue"),
                                search.due() == FindingList.Due.OVERDUE),
                        new Choice(
                                FindingList.Due.SOON.name(),
                                text.get("finding.list.soon"),
                                search.due() == FindingList.Due.SOON)));
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
        return selection("/findings", search, sort, descending) + "&page=" + Math.max(0, page);
    }

    /**
     * {@code path} with the search's filters and the given sort as parameters. Each value is encoded whole, so a
     * search for "c++" or "a&b" comes back as typed.
     */
    private static String selection(String path, FindingList.Search search, FindingList.Sort sort, boolean descending) {
        return path
                + "?q=" + UriUtils.encode(search.query(), StandardCharsets.UTF_8)
                + "&status=" + (search.status() == null ? "" : search.status().name())
                + "&severity="
                + (search.severity() == null ? "" : search.severity().name())
                + "&source=" + (search.source() == null ? "" : search.source().name())
                + "&owner=" + (search.owner() == null ? "" : search.owner().toString())
                + "&due=" + (search.due() == null ? "" : search.due().name())
                + "&sort=" + sort.name().toLowerCase(Locale.ROOT)
                + "&dir=" + (descending ? "desc" : "asc");
    }
}
