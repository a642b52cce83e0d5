package be.bolwerk.campaign;

import java.util.UUID;

/** The programme office opened a campaign and invited {@code invited} organisations. */
public record CampaignOpened(CampaignId id, UUID frameworkVersionId, int year, int invited) {}
