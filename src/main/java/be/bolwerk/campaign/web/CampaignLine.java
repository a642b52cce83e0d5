package be.bolwerk.campaign.web;

import java.util.UUID;

/** A campaign in the list, formatted for reading. */
public record CampaignLine(
        UUID id,
        String name,
        String framework,
        int year,
        String invited,
        String startsOn,
        String deadline,
        String reminders) {}
