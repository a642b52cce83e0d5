package be.bolwerk.audit;

import java.util.Objects;
import java.util.UUID;

/** The identity of an audit order. */
public record AuditOrderId(UUID value) {

    public AuditOrderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
