package be.bolwerk.incident.handling;

import be.bolwerk.incident.IncidentStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an incident's step history (table {@code incident_step}): which step, from which status to which, by
 * whom, when, and the reason, outcome or new classification where the step has one. Written by the store in the
 * transaction of the step; public because the handling page reads it.
 */
public record IncidentStep(
        int seq,
        Kind kind,
        IncidentStatus from,
        IncidentStatus to,
        UUID actorId,
        String actorName,
        Instant at,
        String reason) {

    /** The steps the history names; labels are {@code incident.step.*}. */
    public enum Kind {
        TRIAGED,
        RECLASSIFIED,
        CONTAINED,
        ERADICATED,
        RECOVERED,
        CLOSED,
        DISMISSED,
        MERGED,
        PUT_ON_HOLD,
        RESUMED,
        REOPENED
    }
}
