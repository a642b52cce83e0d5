package be.bolwerk.findings;

import java.util.Objects;
import java.util.UUID;

/** Identifies one finding of the register. */
public record FindingId(UUID value) {

    public FindingId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
