package be.bolwerk.assessment;

import java.util.UUID;

/**
 * An area of a self-evaluation was given to a colleague, or back to the organisation's admins when
 * {@code assigneeId} is {@code null}.
 *
 * @param areaTitle the area's title at the time, so a reader of the trail need not look it up
 */
public record AreaAssigned(
        AssessmentId id, UUID organisationId, String areaRef, String areaTitle, UUID assigneeId, UUID by) {}
