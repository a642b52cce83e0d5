package be.bolwerk.engagement.work;

import be.bolwerk.shared.security.CurrentUser;
import java.util.UUID;

/** Who acts on an engagement, as its history names them; null id for the system (the deletion job). */
public record Person(UUID id, String name) {

    public static final Person SYSTEM = new Person(null, "Bolwerk");

    public static Person of(CurrentUser user) {
        return new Person(user.id(), user.displayName() == null ? user.email() : user.displayName());
    }
}
