package be.bolwerk.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, as both the HTML pages and the JSON API hand it out. Pages count from 0.
 *
 * @param items the rows of this page
 * @param page the zero-based page number
 * @param size the requested page size
 * @param total the number of rows over all pages
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public Paged {
        items = List.copyOf(items);
    }

    public static <T> Paged<T> empty(int size) {
        return new Paged<>(List.of(), 0, size, 0);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
