package be.bolwerk.findings.web;

import be.bolwerk.findings.sla.SlaProfile;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;

/** Days to fix per severity; an empty field means no due date. {@code organisationId} is set for a tightening. */
record SlaForm(
        UUID organisationId,

        @Min(value = 1, message = "{finding.validation.days}")
        @Max(value = SlaProfile.MAX_DAYS, message = "{finding.validation.days}")
        Integer critical,

        @Min(value = 1, message = "{finding.validation.days}")
        @Max(value = SlaProfile.MAX_DAYS, message = "{finding.validation.days}")
        Integer high,

        @Min(value = 1, message = "{finding.validation.days}")
        @Max(value = SlaProfile.MAX_DAYS, message = "{finding.validation.days}")
        Integer medium,

        @Min(value = 1, message = "{finding.validation.days}")
        @Max(value = SlaProfile.MAX_DAYS, message = "{finding.validation.days}")
        Integer low,

        @Min(value = 1, message = "{finding.validation.days}")
        @Max(value = SlaProfile.MAX_DAYS, message = "{finding.validation.days}")
        Integer informational) {

    static SlaForm of(UUID organisationId, SlaProfile profile) {
        return new SlaForm(
                organisationId,
                profile.critical(),
                profile.high(),
                profile.medium(),
                profile.low(),
                profile.informational());
    }

    SlaProfile profile() {
        return new SlaProfile(critical, high, medium, low, informational);
    }
}
