package be.bolwerk.campaign;

/**
 * Reminders of a campaign went out to {@code organisations} organisations that had not submitted yet: by the
 * schedule, or by hand ({@code manual}) from the completion overview.
 */
public record CampaignRemindersSent(CampaignId id, int organisations, boolean manual) {}
