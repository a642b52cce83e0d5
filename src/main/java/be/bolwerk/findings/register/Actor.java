package be.bolwerk.findings.register;

import be.bolwerk.shared.security.CurrentUser;
import java.util.UUID;

/** Who takes a step, as the history names them; a source module's event has no person ({@code id} null). */
public record Actor(UUID id, String name) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), user.displayName());
    }
}
