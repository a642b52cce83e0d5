package be.bolwerk.campaign;

import java.util.Objects;
import java.util.UUID;

/** Identifies one campaign. */
public record CampaignId(UUID value) {

    public CampaignId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
