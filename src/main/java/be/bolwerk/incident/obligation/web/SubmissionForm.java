package be.bolwerk.incident.obligation.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A submission of one obligation as the form binds it; the moment is Brussels wall time as typed. */
record SubmissionForm(
        UUID obligationId,
        String submittedAt,
        @Size(max = 100, message = "{validation.size.max}") String channel,
        @Size(max = 100, message = "{validation.size.max}") String externalReference,
        Boolean phased,
        @Size(max = 2000, message = "{validation.size.max}") String delayReason) {}
