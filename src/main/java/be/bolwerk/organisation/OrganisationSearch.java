package be.bolwerk.organisation;

/**
 * A request for one page of the organisation list. Unknown sort keys and out-of-range sizes fall back to
 * safe defaults instead of failing: they come straight from a URL.
 *
 * @param query free text matched against name and NIS code; may be blank
 * @param type only organisations of this type; {@code null} for all
 * @param sort one of {@code name}, {@code type}, {@code nisCode}, {@code inhabitants}, {@code staffCount}
 * @param descending reverse the order
 * @param page zero-based page number
 * @param size rows per page, 10 to 100
 */
public record OrganisationSearch(
        String query, OrganisationType type, String sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;

    public OrganisationSearch {
        query = query == null ? "" : query.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        sort = SortKey.from(sort).key;
        page = Math.max(0, page);
        size = size < 10 || size > MAX_SIZE ? DEFAULT_SIZE : size;
    }

    public static OrganisationSearch firstPage() {
        return new OrganisationSearch("", null, "name", false, 0, DEFAULT_SIZE);
    }

    String column() {
        return SortKey.from(sort).column;
    }

    enum SortKey {
        NAME("name", "name"),
        TYPE("type", "type"),
        NIS_CODE("nisCode", "nis_code"),
        INHABITANTS("inhabitants", "inhabitants"),
        STAFF_COUNT("staffCount", "staff_count");

        final String key;
        final String column;

        SortKey(String key, String column) {
            this.key = key;
            this.column = column;
        }

        static SortKey from(String requested) {
            for (SortKey candidate : values()) {
                if (candidate.key.equalsIgnoreCase(requested == null ? "" : requested)) {
                    return candidate;
                }
            }
            return NAME;
        }
    }
}
