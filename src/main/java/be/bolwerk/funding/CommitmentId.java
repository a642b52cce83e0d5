package be.bolwerk.funding;

import java.util.Objects;
import java.util.UUID;

/** Identifies one commitment in the ledger. */
public record CommitmentId(UUID value) {

    public CommitmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
