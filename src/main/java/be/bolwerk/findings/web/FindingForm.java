package be.bolwerk.findings.web;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.findings.register.Finding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A finding as people write it, new or changed. The CVSS vector is text as typed; the server checks and scores
 * it with {@code findings.cvss}. The planned date is text as typed ({@code yyyy-MM-dd} from a date field), so a
 * wrong one comes back to the person instead of failing the binding.
 */
record FindingForm(
        UUID organisationId,

        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
        String title,

        @Size(max = 8000, message = "{validation.size.max}") String description,

        @NotNull(message = "{validation.required}") Severity severity,

        @Size(max = 300, message = "{validation.size.max}") String affectedSystem,

        @Size(max = 8000, message = "{validation.size.max}") String recommendation,

        @Pattern(regexp = "^$|\\d{4}-\\d{2}-\\d{2}", message = "{finding.validation.date}")
        String plannedOn,

        Effort effort,

        @Size(max = 100, message = "{validation.size.max}") String controlRef,

        Boolean knownExploited,

        @Size(max = 200, message = "{validation.size.max}") String externalId,

        // CVSS in the forms (ADR 0029): checked and scored by findings.cvss, never a score typed by hand
        @Size(max = 200, message = "{validation.size.max}") String cvssVector) {

    static FindingForm empty(UUID organisationId) {
        return new FindingForm(organisationId, "", "", Severity.MEDIUM, "", "", "", null, "", false, "", "");
    }

    static FindingForm of(Finding finding) {
        Finding.Details d = finding.details();
        return new FindingForm(
                finding.organisationId(),
                d.title(),
                d.description(),
                d.severity(),
                d.affectedSystem(),
                d.recommendation(),
                d.plannedOn() == null ? "" : d.plannedOn().toString(),
                d.effort(),
                d.controlRef(),
                d.knownExploited(),
                d.externalId(),
                finding.cvssVector() == null ? "" : finding.cvssVector());
    }

    /** The planned date, or null; a date that does not exist (31 February) is refused by the caller. */
    LocalDate plannedDate() {
        if (plannedOn == null || plannedOn.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(plannedOn);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("no such date");
        }
    }

    Finding.Details details() {
        return new Finding.Details(
                title,
                description,
                severity,
                affectedSystem,
                recommendation,
                plannedDate(),
                effort,
                controlRef,
                Boolean.TRUE.equals(knownExploited),
                externalId);
    }

    // CVSS in the forms (ADR 0029)

    /** The vector checked and scored, or null when the field is empty; a wrong one is a {@code Refusal}. */
    CvssVector cvss() {
        return cvssVector == null || cvssVector.isBlank() ? null : CvssVector.parse(cvssVector);
    }
}
