package be.bolwerk.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a local government; the tenant key that tenant-owned tables carry as {@code organisation_id}. */
public record OrganisationId(@JsonValue UUID value) {

    public OrganisationId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static OrganisationId of(UUID value) {
        return new OrganisationId(value);
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
