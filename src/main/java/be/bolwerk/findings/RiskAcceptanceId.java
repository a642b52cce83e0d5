package be.bolwerk.findings;

import java.util.Objects;
import java.util.UUID;

/** Identifies one risk acceptance of an organisation (ADR 0030). */
public record RiskAcceptanceId(UUID value) {

    public RiskAcceptanceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
