package be.bolwerk.shared.web;

import be.bolwerk.shared.BelgianTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;

/**
 * Formats moments for people in Belgian time, in templates as {@code ${@dates.dateTime(x)}}. Stored times
 * are UTC; this is the one place that decides how they are shown.
 */
@Component("dates")
public class DateFormats {

    static final ZoneId BELGIUM = BelgianTime.ZONE;

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(BELGIUM);

    public String dateTime(TemporalAccessor moment) {
        if (moment == null) {
            return "";
        }
        Instant instant = moment instanceof OffsetDateTime odt ? odt.toInstant() : Instant.from(moment);
        return DATE_TIME.format(instant);
    }
}
