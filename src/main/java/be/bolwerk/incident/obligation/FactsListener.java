package be.bolwerk.incident.obligation;

import be.bolwerk.incident.event.IncidentReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Gives each reported incident its first facts (detected and started as the report said), after the report was
 * committed. Idempotent: a redelivered event finds the row and changes nothing.
 */
@Component
class FactsListener {

    private final Obligations obligations;

    FactsListener(Obligations obligations) {
        this.obligations = obligations;
    }

    @ApplicationModuleListener
    void on(IncidentReported reported) {
        obligations.open(reported);
    }
}
