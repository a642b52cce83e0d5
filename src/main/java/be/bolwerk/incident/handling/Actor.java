package be.bolwerk.incident.handling;

import be.bolwerk.shared.security.CurrentUser;
import java.util.UUID;

/** Who takes a step, as the incident's history names them. */
public record Actor(UUID id, String name) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName());
    }
}
