package be.bolwerk.engagement;

import java.util.UUID;

/** The evidence files of the engagement were deleted after its deletion date (how many). */
public record EngagementEvidenceDeleted(EngagementId engagementId, UUID organisationId, int files)
        implements EngagementEvent {}
