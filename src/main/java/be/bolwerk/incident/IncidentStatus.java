package be.bolwerk.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands. The response runs reported → triaged → contained → eradicated → recovered → closed;
 * beside that path an incident can turn out not to be one, be merged into another incident, wait on hold (and go
 * back to where it was) or be reopened after closing. Labels live in messages ({@code incident.status.*}).
 */
public enum IncidentStatus {
    REPORTED,
    TRIAGED,
    CONTAINED,
    ERADICATED,
    RECOVERED,
    CLOSED,
    NOT_AN_INCIDENT,
    MERGED,
    ON_HOLD,
    REOPENED;

    /** The statuses in which the CRT is still working on the incident: the queue shows these. */
    public static final Set<IncidentStatus> OPEN =
            EnumSet.of(REPORTED, TRIAGED, CONTAINED, ERADICATED, RECOVERED, ON_HOLD, REOPENED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
