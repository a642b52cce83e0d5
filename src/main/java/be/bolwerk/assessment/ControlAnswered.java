package be.bolwerk.assessment;

import java.time.Instant;
import java.util.UUID;

/** Someone saved a changed answer to one control of a draft self-evaluation. */
public record ControlAnswered(
        AssessmentId assessmentId, UUID organisationId, String controlRef, UUID answeredBy, Instant answeredAt) {}
