package be.bolwerk.engagement.web;

import be.bolwerk.engagement.work.Finding;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A student's finding: what, how severe, and how it was found. */
public record FindingForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String title,

        @NotNull(message = "{validation.required}") Finding.Severity severity,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size.max}")
        String description) {

    static FindingForm empty() {
        return new FindingForm("", Finding.Severity.MEDIUM, "");
    }
}
