package be.bolwerk.engagement.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What was seen, and the explicit confirmation that the engagement stops now. */
public record StopForm(
        @NotBlank(message = "{engagement.stop.description}") @Size(max = 2000, message = "{validation.size.max}")
        String description,

        @AssertTrue(message = "{engagement.stop.confirmRequired}")
        boolean confirmed) {}
