package be.bolwerk.audit.web;

import be.bolwerk.audit.ordering.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A finding as the auditor types it. */
record FindingForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String title,

        @NotNull(message = "{validation.required}") Severity severity,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size.max}")
        String description,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size.max}")
        String recommendation) {

    static FindingForm empty() {
        return new FindingForm(null, Severity.MEDIUM, null, null);
    }
}
