package be.bolwerk.framework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one version of a framework. */
public record FrameworkVersionId(@JsonValue UUID value) {

    public FrameworkVersionId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static FrameworkVersionId of(UUID value) {
        return new FrameworkVersionId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
