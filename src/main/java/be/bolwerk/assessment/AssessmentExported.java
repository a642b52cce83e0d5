package be.bolwerk.assessment;

import java.util.UUID;

/**
 * Someone took a self-evaluation out of Bolwerk: the council report (PDF) or all answers (Excel). Recorded
 * because the copy leaves the platform's access rules behind.
 *
 * @param format {@code PDF} or {@code XLSX}
 * @param framework the framework's title, as the reader of the audit trail knows it
 * @param draft whether it was exported before submission (a draft report)
 */
public record AssessmentExported(
        AssessmentId id, UUID organisationId, String format, String framework, int year, boolean draft) {

    public static final String PDF = "PDF";
    public static final String XLSX = "XLSX";
}
