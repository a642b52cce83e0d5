package be.bolwerk.campaign;

import java.time.LocalDate;
import java.util.UUID;

/** An organisation got a later deadline in a campaign, for the reason given; reminders follow the new one. */
public record DeadlineExtended(
        CampaignId id, UUID organisationId, LocalDate previous, LocalDate deadline, String reason, UUID extendedBy) {}
