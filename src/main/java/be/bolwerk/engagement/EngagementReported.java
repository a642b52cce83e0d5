package be.bolwerk.engagement;

import java.util.UUID;

/** The testing is over and every finding was reviewed. */
public record EngagementReported(EngagementId engagementId, UUID organisationId, int acceptedFindings)
        implements EngagementEvent {}
