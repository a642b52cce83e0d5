package be.bolwerk.incident.support.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The programme's decision: the emergency-fund line to approve from, or the reason to reject. */
record DecisionForm(
        UUID line,
        @Size(max = 2000, message = "{validation.size.max}") String reason) {

    static DecisionForm empty() {
        return new DecisionForm(null, "");
    }
}
