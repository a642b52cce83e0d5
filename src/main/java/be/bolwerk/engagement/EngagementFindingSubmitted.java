package be.bolwerk.engagement;

import java.util.UUID;

/** A student submitted (or resubmitted) a finding for review. */
public record EngagementFindingSubmitted(EngagementId engagementId, UUID organisationId, UUID findingId, String title)
        implements EngagementEvent {}
