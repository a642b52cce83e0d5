package be.bolwerk.assessment;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin gave an area of a self-evaluation to a colleague, who answers it from now on, or back to the
 * organisation's admins when {@code assigneeId} is {@code null}. The audit trail records every one; the
 * assignee is mailed only when the area {@link #wentToSomeoneNew() went to someone new}.
 *
 * @param areaTitle the area's title at the time, so a reader of the trail need not look it up
 * @param previousAssigneeId who had the area before; {@code null} when the admins had it
 */
public record AreaAssigned(
        AssessmentId assessmentId,
        UUID organisationId,
        String areaRef,
        String areaTitle,
        UUID assigneeId,
        UUID previousAssigneeId,
        UUID assignedBy,
        Instant assignedAt) {

    public boolean wentToSomeoneNew() {
        return assigneeId != null && !assigneeId.equals(previousAssigneeId);
    }
}
