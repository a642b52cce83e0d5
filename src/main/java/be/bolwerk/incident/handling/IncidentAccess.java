package be.bolwerk.incident.handling;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Loads an incident for a person together with what they may do; one they may not see is not found (404, never
 * 403, so that ids cannot be probed). Every page and API call about one incident goes through here.
 */
@Component
public class IncidentAccess {

    /** An incident as one person may use it. */
    public record Loaded(Incident incident, Access access) {}

    private final IncidentStore store;

    IncidentAccess(IncidentStore store) {
        this.store = store;
    }

    public Loaded load(IncidentId id, CurrentUser user) {
        Incident incident = store.find(id).orElseThrow(IncidentNotFound::new);
        Access access = Access.of(user, incident.organisationId());
        if (!access.mayView()) {
            throw new IncidentNotFound();
        }
        return new Loaded(incident, access);
    }
}
