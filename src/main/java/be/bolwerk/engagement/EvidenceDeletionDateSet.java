package be.bolwerk.engagement;

import java.time.LocalDate;
import java.util.UUID;

/** The date after which the engagement's evidence files are deleted was set. */
public record EvidenceDeletionDateSet(EngagementId engagementId, UUID organisationId, LocalDate deleteOn)
        implements EngagementEvent {}
