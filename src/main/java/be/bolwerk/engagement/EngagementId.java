package be.bolwerk.engagement;

import java.util.Objects;
import java.util.UUID;

/** Identifies one ethical-hacking engagement. */
public record EngagementId(UUID value) {

    public EngagementId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
