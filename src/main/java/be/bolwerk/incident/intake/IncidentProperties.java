package be.bolwerk.incident.intake;

import be.bolwerk.incident.IncidentSeverity;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the incident module ({@code bolwerk.incident.*}). The defaults are fictional (a {@code .invalid}
 * mailbox, a number of zeros) so that a deployment that forgets them shows it rather than calling a stranger.
 *
 * @param onCallAddress the mailbox of the CRT analyst on call, alerted at once by a severe report
 * @param hotline the CRT's 24/7 phone number as people dial it, shown on the public emergency page
 * @param firstResponseMinutes how soon the CRT answers a report first, per severity (an untriaged incident
 *     counts as critical); the queue marks rows past it
 */
@ConfigurationProperties("bolwerk.incident")
public record IncidentProperties(String onCallAddress, String hotline, FirstResponse firstResponseMinutes) {

    public IncidentProperties {
        onCallAddress = blank(onCallAddress) ? "wacht@crt.invalid" : onCallAddress.strip();
        hotline = blank(hotline) ? "+32 2 000 00 00" : hotline.strip();
        firstResponseMinutes = firstResponseMinutes == null ? new FirstResponse(0, 0, 0, 0) : firstResponseMinutes;
    }

    /** Minutes to the first response per severity; zero or less means the default (15, 60, 240, 1440). */
    public record FirstResponse(int critical, int high, int medium, int low) {

        public FirstResponse {
            critical = critical > 0 ? critical : 15;
            high = high > 0 ? high : 60;
            medium = medium > 0 ? medium : 240;
            low = low > 0 ? low : 1440;
        }
    }

    /** How long the CRT may take to respond first; null severity (not triaged yet) counts as critical. */
    public Duration firstResponse(IncidentSeverity severity) {
        int minutes = switch (severity == null ? IncidentSeverity.CRITICAL : severity) {
            case CRITICAL -> firstResponseMinutes.critical();
            case HIGH -> firstResponseMinutes.high();
            case MEDIUM -> firstResponseMinutes.medium();
            case LOW -> firstResponseMinutes.low();
        };
        return Duration.ofMinutes(minutes);
    }

    /** The hotline as a {@code tel:} link: digits and a leading plus only. */
    public String hotlineLink() {
        return "tel:" + hotline.replaceAll("[^0-9+]", "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
