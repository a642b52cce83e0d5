package be.bolwerk.assessment;

import java.time.Instant;
import java.util.UUID;

/** An admin gave an area of a self-evaluation to a colleague, who answers it from now on. */
public record AreaAssigned(
        AssessmentId assessmentId,
        UUID organisationId,
        String areaRef,
        UUID assigneeId,
        UUID assignedBy,
        Instant assignedAt) {}
