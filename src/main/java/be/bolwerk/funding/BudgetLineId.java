package be.bolwerk.funding;

import java.util.Objects;
import java.util.UUID;

/** Identifies one budget line. */
public record BudgetLineId(UUID value) {

    public BudgetLineId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
