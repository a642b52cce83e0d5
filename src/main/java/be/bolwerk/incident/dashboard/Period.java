package be.bolwerk.incident.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The periods the dashboard offers, as the GET parameter names them ({@code ?period=90}). */
public enum Period {
    DAYS_30(30),
    DAYS_90(90),
    DAYS_365(365);

    public static final Period DEFAULT = DAYS_30;

    private final int days;

    Period(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The period a URL names; empty for anything else (the page then says it used the default). */
    static Optional<Period> of(String value) {
        for (Period period : values()) {
            if (String.valueOf(period.days).equals(value == null ? "" : value.strip())) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** The first moment of the period that ends now: the period counts incidents reported since then. */
    Instant since(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
