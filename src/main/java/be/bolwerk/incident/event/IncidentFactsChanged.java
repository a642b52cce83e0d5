package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The facts that start an incident's legal clocks changed (which ones, by name: {@code detectedAt},
 * {@code personalDataBreach}, ...); the obligations were recomputed in the same transaction.
 */
public record IncidentFactsChanged(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        List<String> facts,
        boolean personalDataBreach,
        boolean significant,
        UUID changedBy,
        Instant changedAt)
        implements IncidentEvent {

    public IncidentFactsChanged {
        facts = List.copyOf(facts);
    }
}
