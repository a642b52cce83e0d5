package be.bolwerk.engagement;

import java.time.LocalDate;
import java.util.UUID;

/** The organisation closed the engagement; its evidence is deleted after the date given. */
public record EngagementClosed(EngagementId engagementId, UUID organisationId, LocalDate evidenceDeleteOn)
        implements EngagementEvent {}
