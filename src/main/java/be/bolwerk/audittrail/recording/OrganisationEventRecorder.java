package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.organisation.OrganisationListExported;
import be.bolwerk.organisation.OrganisationProfileUpdated;
import be.bolwerk.organisation.OrganisationRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records changes to organisations. Synchronous on purpose: the row joins the transaction of the change, so a
 * change is never committed without its audit row, and the actor is read while the request is at hand.
 */
@Component
class OrganisationEventRecorder {

    private final AuditTrail trail;

    OrganisationEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(OrganisationRegistered event) {
        trail.append(
                AuditEventType.ORGANISATION_REGISTERED,
                true,
                Actors.current(),
                event.organisationId().value(),
                Details.of("audit.detail.organisationRegistered", event.name()));
    }

    @EventListener
    void on(OrganisationProfileUpdated event) {
        trail.append(
                AuditEventType.ORGANISATION_UPDATED,
                true,
                Actors.current(),
                event.organisationId().value(),
                null);
    }

    @EventListener
    void on(OrganisationListExported event) {
        trail.appendAlone(
                AuditEventType.EXPORT,
                true,
                Actors.current(),
                null,
                Details.of("audit.detail.organisationsExported", event.rows(), event.filter()));
    }
}
