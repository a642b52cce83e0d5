package be.bolwerk.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Bolwerk's users all live in one time zone; calendar questions (which year is this self-evaluation for, what
 * date goes on the report) are answered in it, whatever zone the server runs in.
 */
public final class BelgianTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    private BelgianTime() {}

    public static int yearOf(Instant instant) {
        return instant.atZone(ZONE).getYear();
    }

    public static int thisYear(Clock clock) {
        return yearOf(clock.instant());
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
