package be.bolwerk.assessment;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An organisation decided to act on a gap of its self-evaluation. The findings register (a later module)
 * takes these up; until then the assessment lists them.
 */
public record ImprovementActionProposed(
        UUID actionId,
        UUID organisationId,
        AssessmentId assessmentId,
        String controlRef,
        String title,
        UUID ownerId,
        LocalDate dueDate,
        String priority) {}
