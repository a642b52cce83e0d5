package be.bolwerk.assessment;

import java.math.BigDecimal;
import java.util.UUID;

/** A self-evaluation was submitted: its answers are final and count in the programme's figures. */
public record AssessmentSubmitted(
        AssessmentId id,
        UUID organisationId,
        UUID frameworkVersionId,
        int year,
        BigDecimal total,
        boolean targetReached) {}
