package be.bolwerk.findings.sla;

import be.bolwerk.findings.Severity;
import be.bolwerk.shared.Refusal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Days to fix a finding, per severity; no days (null) means no due date. The due date is a real date, the start
 * (when the finding reached the organisation) plus the days of its severity; a finding known to be exploited takes
 * the critical days whatever its severity.
 */
public record SlaProfile(Integer critical, Integer high, Integer medium, Integer low, Integer informational) {

    public static final String RANGE = "finding.sla.range";
    public static final String LOOSER = "finding.sla.looser";
    public static final int MAX_DAYS = 3650;

    /** The programme's default until a programme officer sets another. */
    public static final SlaProfile DEFAULT = new SlaProfile(7, 30, 90, 180, null);

    public SlaProfile {
        for (Integer days : new Integer[] {critical, high, medium, low, informational}) {
            if (days != null && (days < 1 || days > MAX_DAYS)) {
                throw Refusal.invalid(RANGE, MAX_DAYS);
            }
        }
    }

    public Integer daysFor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
            case INFORMATIONAL -> informational;
        };
    }

    /** The due date of a finding that reached the organisation on {@code start}; null when its severity has none. */
    public LocalDate dueDate(Severity severity, boolean knownExploited, LocalDate start) {
        Integer days = daysFor(knownExploited ? Severity.CRITICAL : severity);
        return days == null ? null : start.plusDays(days);
    }

    /**
     * Refuses a profile of an organisation that is looser than this one (the programme's) for any severity: more
     * days, or no due date where the programme has one. The refusal names the severity and the programme's days.
     */
    public void requireNotLooser(SlaProfile tighter) {
        for (Severity severity : Severity.values()) {
            Integer base = daysFor(severity);
            Integer own = tighter.daysFor(severity);
            if (base != null && (own == null || own > base)) {
                throw Refusal.invalid(LOOSER, severity.name(), base);
            }
        }
    }

    /** This profile (the programme's) with an organisation's tighter days where it has them: the stricter of both. */
    public SlaProfile tightenedBy(SlaProfile own) {
        if (own == null) {
            return this;
        }
        return new SlaProfile(
                stricter(critical, own.critical),
                stricter(high, own.high),
                stricter(medium, own.medium),
                stricter(low, own.low),
                stricter(informational, own.informational));
    }

    /** Days per severity, most serious first, for the pages. */
    public Map<Severity, Integer> bySeverity() {
        Map<Severity, Integer> days = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            days.put(severity, daysFor(severity));
        }
        return days;
    }

    private static Integer stricter(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b);
    }
}
