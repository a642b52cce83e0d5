package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/** A task of the incident's playbook was ticked done. Not a step of the incident itself, so not an {@link IncidentEvent}. */
public record IncidentTaskDone(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID taskId,
        String title,
        UUID actorId,
        String actorName,
        Instant at) {}
