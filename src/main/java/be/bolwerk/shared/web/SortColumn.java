package be.bolwerk.shared.web;

/**
 * A list's sortable column as the shared header ({@code fragments/table :: sortable}) shows it: its label in the
 * reader's language, the link that sorts by it, its {@code aria-sort} value when the list is sorted by it (else
 * null) and the arrow shown beside the label.
 */
public record SortColumn(String label, String href, String ariaSort, String indicator) {

    /** The column of {@code label}; {@code descending} says how the list is sorted when this is its column. */
    public static SortColumn of(String label, String href, boolean current, boolean descending) {
        return new SortColumn(
                label,
                href,
                current ? (descending ? "descending" : "ascending") : null,
                current ? (descending ? "▼" : "▲") : "");
    }
}
