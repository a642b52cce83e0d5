package be.bolwerk.findings.imports;

import java.util.Objects;
import java.util.UUID;

/** Identifies one upload of a findings file, from its preview on. */
public record ImportId(UUID value) {

    public ImportId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
