package be.bolwerk.assessment.evaluation;

import java.util.Map;
import java.util.UUID;

/**
 * Last year's answers were taken into a new assessment; {@code refs} maps each carried answer's old control
 * ref to its ref now, so that what belongs to those answers (their evidence) can follow in the same
 * transaction. Internal to the assessment module.
 */
public record AnswersCarriedOver(UUID organisationId, UUID from, UUID to, Map<String, String> refs) {

    public AnswersCarriedOver {
        refs = Map.copyOf(refs);
    }
}
