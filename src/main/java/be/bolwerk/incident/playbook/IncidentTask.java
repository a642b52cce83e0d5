package be.bolwerk.incident.playbook;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** One task of one incident, as the handling page shows it. Public because pages read it. */
public record IncidentTask(
        UUID id,
        IncidentId incidentId,
        UUID organisationId,
        int position,
        String title,
        String description,
        Side side,
        String assigneeName,
        Instant dueAt,
        Instant doneAt,
        String doneByName) {

    public boolean done() {
        return doneAt != null;
    }

    /** Not done and past its due moment: the page says so in words, not by colour only. */
    public boolean overdueAt(Instant now) {
        return doneAt == null && dueAt != null && dueAt.isBefore(now);
    }
}
