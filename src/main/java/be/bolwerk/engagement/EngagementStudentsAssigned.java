package be.bolwerk.engagement;

import java.util.UUID;

/** The supervisor assigned these students (by name) to the engagement. */
public record EngagementStudentsAssigned(
        EngagementId engagementId, UUID organisationId, java.util.List<String> students) implements EngagementEvent {}
