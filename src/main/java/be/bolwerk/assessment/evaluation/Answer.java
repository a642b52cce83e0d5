package be.bolwerk.assessment.evaluation;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to one control: two maturities on the 0–5 scale, or not applicable with a justification, and a
 * comment. {@code revision} counts the saves, so a save based on an older state can be recognised.
 */
public record Answer(
        String controlRef,
        Integer documentation,
        Integer implementation,
        boolean notApplicable,
        String justification,
        String comment,
        UUID answeredBy,
        Instant answeredAt,
        int revision) {

    /** Answered enough to count: both maturities, or not applicable with a reason. */
    public boolean complete() {
        return notApplicable
                ? justification != null && !justification.isBlank()
                : documentation != null && implementation != null;
    }

    /** Whether another save would store exactly what is already stored (a repeated click or a retry). */
    boolean sameAs(AnswerInput input) {
        return notApplicable == input.notApplicable()
                && java.util.Objects.equals(documentation, input.documentation())
                && java.util.Objects.equals(implementation, input.implementation())
                && java.util.Objects.equals(justification, input.justification())
                && java.util.Objects.equals(comment, input.comment());
    }
}
