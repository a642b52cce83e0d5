package be.bolwerk.incident.guest;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.GuestPasses;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whether an account is an active guest on an incident, read from the table on every request: revoking or passing
 * the end date closes the incident at once, with no cache to wait for. Apart from {@link Guests}, because
 * {@code IncidentAccess} needs this and {@link Guests} needs {@code IncidentAccess}.
 */
@Component
class ActiveGuests implements GuestPasses {

    private final GuestStore store;
    private final Clock clock;

    ActiveGuests(GuestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public boolean admits(IncidentId incident, UUID accountId) {
        return store.admits(incident, accountId, clock.instant());
    }
}
