package be.bolwerk.incident.review.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The root cause as typed on the lessons page. */
record RootCauseForm(
        @NotBlank(message = "{incident.review.rule.rootCauseRequired}") @Size(max = 4000)
        String rootCause) {}
