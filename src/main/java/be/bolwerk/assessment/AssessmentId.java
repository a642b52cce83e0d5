package be.bolwerk.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one self-evaluation. */
public record AssessmentId(@JsonValue UUID value) {

    public AssessmentId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static AssessmentId of(UUID value) {
        return new AssessmentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
