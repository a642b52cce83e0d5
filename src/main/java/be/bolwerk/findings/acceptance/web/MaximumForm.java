package be.bolwerk.findings.acceptance.web;

import be.bolwerk.findings.acceptance.MaximumDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The programme's maximum duration of a risk acceptance, months per severity, as typed. */
record MaximumForm(
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{findings.acceptance.maximum.range}")
        @Max(value = MaximumDuration.MAX_MONTHS, message = "{findings.acceptance.maximum.range}")
        Integer critical,

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{findings.acceptance.maximum.range}")
        @Max(value = MaximumDuration.MAX_MONTHS, message = "{findings.acceptance.maximum.range}")
        Integer high,

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{findings.acceptance.maximum.range}")
        @Max(value = MaximumDuration.MAX_MONTHS, message = "{findings.acceptance.maximum.range}")
        Integer medium,

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{findings.acceptance.maximum.range}")
        @Max(value = MaximumDuration.MAX_MONTHS, message = "{findings.acceptance.maximum.range}")
        Integer low,

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{findings.acceptance.maximum.range}")
        @Max(value = MaximumDuration.MAX_MONTHS, message = "{findings.acceptance.maximum.range}")
        Integer informational) {

    static MaximumForm of(MaximumDuration m) {
        return new MaximumForm(m.critical(), m.high(), m.medium(), m.low(), m.informational());
    }

    MaximumDuration maximum() {
        return new MaximumDuration(critical, high, medium, low, informational);
    }
}
