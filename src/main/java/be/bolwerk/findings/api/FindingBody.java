package be.bolwerk.findings.api;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A finding as an API client writes it, new ({@code organisationId} required) or changed (the organisation cannot
 * change; the field is ignored). The same limits as the page's form; the CVSS vector has its own module.
 */
@Schema(name = "FindingInput", description = "What a client writes about a finding")
record FindingBody(
        @Schema(description = "The organisation whose register gets the finding (only when creating)")
        UUID organisationId,

        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
        String title,

        @Size(max = 8000, message = "{validation.size.max}") String description,

        @NotNull(message = "{validation.required}") Severity severity,

        @Size(max = 300, message = "{validation.size.max}") String affectedSystem,

        @Size(max = 8000, message = "{validation.size.max}") String recommendation,

        @Schema(description = "The day the organisation plans to have it fixed")
        LocalDate plannedOn,

        Effort effort,

        @Size(max = 100, message = "{validation.size.max}") String controlRef,

        @Schema(description = "Known to be exploited: takes the critical SLA")
        Boolean knownExploited,

        @Size(max = 200, message = "{validation.size.max}") String externalId) {

    Finding.Details details() {
        return new Finding.Details(
                title,
                description,
                severity,
                affectedSystem,
                recommendation,
                plannedOn,
                effort,
                controlRef,
                Boolean.TRUE.equals(knownExploited),
                externalId);
    }
}
