package be.bolwerk.engagement;

import java.util.UUID;

/** The supervisor sent a finding back to its student with a remark. */
public record EngagementFindingSentBack(
        EngagementId engagementId, UUID organisationId, UUID findingId, String title, String remark)
        implements EngagementEvent {}
