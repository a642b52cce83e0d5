package be.bolwerk.incident.obligation.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Why one obligation does not apply, as the form binds it. */
record NotApplicableForm(
        UUID obligationId,
        @Size(max = 2000, message = "{validation.size.max}") String reason) {}
