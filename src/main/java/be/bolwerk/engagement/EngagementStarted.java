package be.bolwerk.engagement;

import java.util.UUID;

/** The testing began, within a signed scope. */
public record EngagementStarted(EngagementId engagementId, UUID organisationId) implements EngagementEvent {}
