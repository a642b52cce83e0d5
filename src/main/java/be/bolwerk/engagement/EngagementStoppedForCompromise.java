package be.bolwerk.engagement;

import java.util.UUID;

/** Someone testing saw signs of an active compromise and stopped the engagement at once; the incident process takes it from here. */
public record EngagementStoppedForCompromise(
        EngagementId engagementId, UUID organisationId, String description, UUID stoppedBy, String stoppedByName)
        implements EngagementEvent {}
