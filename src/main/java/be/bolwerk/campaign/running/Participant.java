package be.bolwerk.campaign.running;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An organisation invited to a campaign, with its own deadline; {@code extensionReason}, {@code extendedBy} and
 * {@code extendedAt} are set once its deadline was extended (by the last extension).
 *
 * @param organisationName the organisation's name when it was invited, for mails
 */
public record Participant(
        UUID organisationId,
        String organisationName,
        LocalDate deadline,
        String extensionReason,
        UUID extendedBy,
        Instant extendedAt) {

    public boolean extended() {
        return extensionReason != null;
    }
}
