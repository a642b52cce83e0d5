package be.bolwerk.campaign.running;

import be.bolwerk.shared.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * On which days before a deadline a reminder goes out, e.g. 30, 7 and 1. Kept in descending order and without
 * repeats, so {@code 1 7 30 7} and {@code 30 7 1} are the same schedule.
 */
public record ReminderSchedule(List<Integer> days) {

    /** The schedule the form proposes: a month, a week and a day before the deadline. */
    public static final ReminderSchedule DEFAULT = new ReminderSchedule(List.of(30, 7, 1));

    /** Longest lead time; a reminder a year ahead would be a second invitation. */
    public static final int MAX_DAYS = 365;

    static final int MAX_REMINDERS = 10;

    /** A day outside 1..365, or more than ten reminders. */
    public static final String INVALID = "campaign.reminders.invalid";

    public ReminderSchedule {
        List<Integer> sorted = new ArrayList<>(days.stream().distinct().toList());
        sorted.sort(Comparator.reverseOrder());
        if (sorted.size() > MAX_REMINDERS || sorted.stream().anyMatch(d -> d < 1 || d > MAX_DAYS)) {
            throw Refusal.invalid(INVALID, MAX_DAYS, MAX_REMINDERS);
        }
        days = List.copyOf(sorted);
    }

    /** Parses days like {@code 30 7 1} with commas or blanks between them; blank means no reminders. */
    public static ReminderSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            return new ReminderSchedule(List.of());
        }
        List<Integer> days = new ArrayList<>();
        for (String part : text.strip().split("[\\s,;]+")) {
            if (!part.matches("\\d{1,3}")) {
                throw Refusal.invalid(INVALID, MAX_DAYS, MAX_REMINDERS);
            }
            days.add(Integer.valueOf(part));
        }
        return new ReminderSchedule(days);
    }

    /** The reminder whose day is {@code today} for this deadline: how many days before it, if any. */
    public Optional<Integer> dueOn(LocalDate today, LocalDate deadline) {
        return days.stream().filter(d -> deadline.minusDays(d).equals(today)).findFirst();
    }

    /** The days with a comma between them, as stored and as the form shows them. */
    public String text() {
        return days.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
