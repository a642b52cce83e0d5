package be.bolwerk.organisation.web;

import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.shared.Paged;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The organisation list as the page shows it: every link, label and number of the table worked out once in Java,
 * so that the template only writes strings. Each sort header used to build two links of five parameters and each
 * row to format two numbers and translate a type in the template, which made this the slowest list to render
 * (ADR 0016, docs/performance.md).
 *
 * @param columns the sortable column headers, in order
 * @param rows the organisations of this page
 * @param previous the link to the previous page, {@code null} on the first
 * @param next the link to the next page, {@code null} on the last
 */
public record OrganisationListView(
        List<Column> columns, List<Row> rows, long total, int page, int pages, String previous, String next) {

    private static final List<String> COLUMNS = List.of("name", "type", "nisCode", "inhabitants", "staffCount");
    private static final String NONE = "—";

    /**
     * @param href the link that sorts by this column (the other direction when it is the current one)
     * @param ariaSort {@code ascending}/{@code descending} for the current sort column, else {@code null}
     * @param indicator the arrow after the current sort column's label, else empty
     */
    public record Column(String label, String href, String ariaSort, String indicator, boolean numeric) {}

    public record Row(String href, String name, String type, String nisCode, String inhabitants, String staffCount) {}

    static OrganisationListView of(
            OrganisationSearch search,
            Paged<OrganisationListItem> result,
            String contextPath,
            MessageSource messages,
            Locale locale) {
        String path = contextPath + "/organisations";
        List<Column> columns = COLUMNS.stream()
                .map(column -> column(search, column, path, messages, locale))
                .toList();
        // Grouped with a point in both languages, as the page always showed them.
        DecimalFormat integers = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.GERMAN));
        List<Row> rows = result.items().stream()
                .map(o -> new Row(
                        path + "/" + o.id(),
                        o.name(),
                        messages.getMessage("organisation.type." + o.type(), null, locale),
                        o.nisCode() == null ? NONE : o.nisCode(),
                        o.inhabitants() == null ? NONE : integers.format(o.inhabitants()),
                        o.staffCount() == null ? NONE : integers.format(o.staffCount())))
                .toList();
        return new OrganisationListView(
                columns,
                rows,
                result.total(),
                result.page(),
                result.totalPages(),
                result.hasPrevious() ? link(path, search, search.sort(), search.descending(), result.page() - 1) : null,
                result.hasNext() ? link(path, search, search.sort(), search.descending(), result.page() + 1) : null);
    }

    private static Column column(
            OrganisationSearch search, String column, String path, MessageSource messages, Locale locale) {
        boolean current = search.sort().equals(column);
        String href = link(path, search, column, current && !search.descending(), null);
        return new Column(
                messages.getMessage("organisation.field." + column, null, locale),
                href,
                current ? (search.descending() ? "descending" : "ascending") : null,
                current ? (search.descending() ? "▼" : "▲") : "",
                column.equals("inhabitants") || column.equals("staffCount"));
    }

    /** The list's address with the search's filters, a sort and optionally a page; every value form-encoded. */
    private static String link(String path, OrganisationSearch search, String sort, boolean descending, Integer page) {
        StringBuilder link = new StringBuilder(path)
                .append("?q=")
                .append(URLEncoder.encode(search.query(), StandardCharsets.UTF_8))
                .append("&type=")
                .append(search.type() == null ? "" : search.type().name())
                .append("&sort=")
                .append(sort)
                .append("&dir=")
                .append(descending ? "desc" : "asc")
                .append("&size=")
                .append(search.size());
        if (page != null) {
            link.append("&page=").append(page);
        }
        return link.toString();
    }
}
