package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.Severity;
import be.bolwerk.shared.Refusal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The longest a risk acceptance may hold, in months per severity, set by the programme office. An acceptance's
 * expiry may not lie beyond the day it is proposed (and again the day it is approved) plus the months of the most
 * severe finding it covers; a finding known to be exploited counts as critical, as it does for the SLA.
 */
public record MaximumDuration(int critical, int high, int medium, int low, int informational) {

    public static final String RANGE = "findings.acceptance.maximum.range";
    public static final int MAX_MONTHS = 60;

    /** The example, also the seeded row. */
    public static final MaximumDuration DEFAULT = new MaximumDuration(3, 6, 12, 12, 12);

    public MaximumDuration {
        for (int months : new int[] {critical, high, medium, low, informational}) {
            if (months < 1 || months > MAX_MONTHS) {
                throw Refusal.invalid(RANGE, MAX_MONTHS);
            }
        }
    }

    public int monthsFor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case INFORMATIONAL -> informational;
        };
    }

    /** The latest expiry for a finding of {@code severity} counted from {@code from}. */
    public LocalDate latestExpiry(Severity severity, LocalDate from) {
        return from.plusMonths(monthsFor(severity));
    }

    public Map<Severity, Integer> bySeverity() {
        Map<Severity, Integer> months = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            months.put(severity, monthsFor(severity));
        }
        return months;
    }
}
