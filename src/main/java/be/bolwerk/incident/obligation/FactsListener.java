package be.bolwerk.incident.obligation;

import be.bolwerk.incident.event.IncidentReported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each reported incident its first facts (detected and started as the report said), in the report's own
 * transaction: an incident is never without them, and a report costs one commit. Through the event publication
 * registry (an asynchronous module listener) the same insert took a registry row, two updates of it and a second
 * transaction per report, all competing for the connection pool under a burst of reports (docs/performance.md). Idempotent all the same: a second delivery finds the row and changes nothing, and every
 * change of facts inserts them first if they are missing.
 */
@Component
class FactsListener {

    private final Obligations obligations;

    FactsListener(Obligations obligations) {
        this.obligations = obligations;
    }

    @EventListener
    void on(IncidentReported reported) {
        obligations.open(reported);
    }
}
