package be.bolwerk.incident.obligation;

import be.bolwerk.organisation.OrganisationProfileUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reconciles the open incidents' obligations when an organisation's profile changed, after that change committed:
 * the profile carries the organisation's type (who receives a GDPR notification) and its NIS2 scope (whether the
 * NIS2 clocks run). Idempotent: a redelivered event, or a change of name or phone, finds nothing to change.
 */
@Component
class RegulationListener {

    private final Obligations obligations;

    RegulationListener(Obligations obligations) {
        this.obligations = obligations;
    }

    @ApplicationModuleListener
    void on(OrganisationProfileUpdated updated) {
        obligations.regulationChanged(updated.organisationId().value());
    }
}
