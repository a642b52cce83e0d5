package be.bolwerk.engagement;

import java.util.UUID;

/** An organisation asked a college for an engagement within the scope it wrote. */
public record EngagementRequested(EngagementId engagementId, UUID organisationId, String title, String college)
        implements EngagementEvent {}
