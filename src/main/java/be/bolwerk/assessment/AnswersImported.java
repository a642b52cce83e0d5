package be.bolwerk.assessment;

import java.util.UUID;

/**
 * An admin imported a workbook of answers into a self-evaluation; {@code changed} answers were saved,
 * {@code unchanged} rows matched what was already there.
 */
public record AnswersImported(
        AssessmentId id,
        UUID organisationId,
        String framework,
        int year,
        String fileName,
        int changed,
        int unchanged) {}
