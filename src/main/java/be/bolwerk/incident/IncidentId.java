package be.bolwerk.incident;

import java.util.Objects;
import java.util.UUID;

/** Identifies one incident reported to the Cyber Response Team. */
public record IncidentId(UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
