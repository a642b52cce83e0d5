package be.bolwerk.findings.intake;

import be.bolwerk.shared.BelgianTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of a findings CSV: ISO ({@code 2024-01-24}, or with a time, then the day it was in Belgium), or day
 * and month in the chosen order with a four-digit year ({@code 28/02/2021}, {@code 28.02.2021},
 * {@code 28-02-2021}).
 */
final class Dates {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ].+");
    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");

    /** Why a date was not read; each is a message key ending. */
    enum Problem {
        INVALID,
        AMBIGUOUS,
        MIXED
    }

    static final class Unreadable extends Exception {
        final Problem problem;

        Unreadable(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }
    }

    private Dates() {}

    /**
     * The order in which the written dates among {@code values} are read: the chosen one, or for
     * {@link DateOrder#FROM_FILE} the one the values prove; null when they prove none or both.
     */
    static DateOrder resolve(DateOrder chosen, Collection<String> values) {
        if (chosen != DateOrder.FROM_FILE) {
            return chosen;
        }
        boolean[] proven = proofs(values);
        if (proven[0] == proven[1]) {
            return null;
        }
        return proven[0] ? DateOrder.DAY_MONTH : DateOrder.MONTH_DAY;
    }

    /** True when the order is left to the file and its values prove both orders: such a file mixes them. */
    static boolean mixed(DateOrder chosen, Collection<String> values) {
        boolean[] proven = proofs(values);
        return chosen == DateOrder.FROM_FILE && proven[0] && proven[1];
    }

    /** Whether some written date proves day first ([0]) and whether some proves month first ([1]). */
    private static boolean[] proofs(Collection<String> values) {
        boolean[] proven = new boolean[2];
        for (String value : values) {
            Matcher written = WRITTEN.matcher(value);
            if (written.matches()) {
                int first = Integer.parseInt(written.group(1));
                int second = Integer.parseInt(written.group(3));
                proven[0] |= first > 12 && second <= 12;
                proven[1] |= second > 12 && first <= 12;
            }
        }
        return proven;
    }

    /**
     * {@code text} as a date. {@code order} is the resolved order, null when the file left it open; then only a
     * written date whose day and month are the same number can be read.
     */
    static LocalDate read(String text, DateOrder order, boolean mixed) throws Unreadable {
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (ISO_TIME.matcher(text).matches()) {
                return isoDateTime(text.replace(' ', 'T'));
            }
        } catch (DateTimeException wrong) {
            throw new Unreadable(Problem.INVALID);
        }
        Matcher written = WRITTEN.matcher(text);
        if (!written.matches()) {
            throw new Unreadable(Problem.INVALID);
        }
        int first = Integer.parseInt(written.group(1));
        int second = Integer.parseInt(written.group(3));
        int year = Integer.parseInt(written.group(4));
        if (mixed) {
            throw new Unreadable(Problem.MIXED);
        }
        if (order == null) {
            if (first != second) {
                throw new Unreadable(first > 12 || second > 12 ? Problem.INVALID : Problem.AMBIGUOUS);
            }
            order = DateOrder.DAY_MONTH;
        }
        try {
            return order == DateOrder.MONTH_DAY ? LocalDate.of(year, first, second) : LocalDate.of(year, second, first);
        } catch (DateTimeException wrong) {
            throw new Unreadable(Problem.INVALID);
        }
    }

    private static LocalDate isoDateTime(String text) {
        try {
            return OffsetDateTime.parse(text)
                    .atZoneSameInstant(BelgianTime.ZONE)
                    .toLocalDate();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text).toLocalDate();
        }
    }
}
