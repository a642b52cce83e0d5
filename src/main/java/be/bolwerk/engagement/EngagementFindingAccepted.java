package be.bolwerk.engagement;

import java.util.UUID;

/** The supervisor accepted a finding: the organisation sees it now, and the findings register may take it. */
public record EngagementFindingAccepted(
        EngagementId engagementId,
        UUID organisationId,
        UUID findingId,
        String title,
        String severity,
        String description)
        implements EngagementEvent {}
