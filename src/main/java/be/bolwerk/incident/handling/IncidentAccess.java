package be.bolwerk.incident.handling;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Loads an incident for a person together with what they may do; one they may not see is not found (404, never
 * 403, so that ids cannot be probed). Every page and API call about one incident goes through here.
 *
 * <p>Guests are refused by {@link #load} and admitted only by {@link #loadWithGuests}, which the overview and the
 * timeline, assets, indicators and evidence use: a page somebody adds later is closed to guests unless its author
 * decides otherwise (ADR 0043).
 */
@Component
public class IncidentAccess {

    /** An incident as one person may use it. */
    public record Loaded(Incident incident, Access access) {}

    private final IncidentStore store;
    private final GuestPasses guests;

    IncidentAccess(IncidentStore store, GuestPasses guests) {
        this.store = store;
        this.guests = guests;
    }

    /** For the people of the CRT and of the incident's organisation only. */
    public Loaded load(IncidentId id, CurrentUser user) {
        Loaded loaded = loadWithGuests(id, user);
        if (loaded.access().guest()) {
            throw new IncidentNotFound();
        }
        return loaded;
    }

    /**
     * An incident already in hand (the one a report just stored or answered, ADR 0048) checked as {@link #load}
     * would, without reading it again: for the people of the CRT and of its organisation only.
     */
    public Loaded check(Incident incident, CurrentUser user) {
        Access access = Access.of(user, incident.organisationId());
        if (!access.mayView()) {
            throw new IncidentNotFound();
        }
        return new Loaded(incident, access);
    }

    /** Also for a guest with an active grant on this incident. */
    public Loaded loadWithGuests(IncidentId id, CurrentUser user) {
        Incident incident = store.find(id).orElseThrow(IncidentNotFound::new);
        Access access = Access.of(user, incident.organisationId());
        if (!access.mayView() && user.id() != null && guests.admits(id, user.id())) {
            access = Access.ofGuest();
        }
        if (!access.mayView()) {
            throw new IncidentNotFound();
        }
        return new Loaded(incident, access);
    }
}
