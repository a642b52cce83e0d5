package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditOrderNotFound;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every use case of an order does around its step: load the order the person may see (404 otherwise),
 * and write it back with its new steps and publish its events, or refuse when someone else moved it first.
 */
@Component
class OrderSteps {

    static final String STALE = "auditOrder.stale";

    private final AuditOrderStore store;
    private final ProgrammePeople people;
    private final ApplicationEventPublisher events;

    OrderSteps(AuditOrderStore store, ProgrammePeople people, ApplicationEventPublisher events) {
        this.store = store;
        this.people = people;
        this.events = events;
    }

    Viewer viewer(CurrentUser user) {
        return Viewer.of(user, people);
    }

    /** The order, if the person may see it. */
    AuditOrder load(AuditOrderId id, Viewer viewer) {
        AuditOrder order = store.find(id).orElseThrow(AuditOrderNotFound::new);
        if (!viewer.sees(order)) {
            throw new AuditOrderNotFound();
        }
        return order;
    }

    void save(AuditOrder order) {
        if (!store.update(order)) {
            throw Refusal.conflict(STALE);
        }
        order.events().forEach(events::publishEvent);
    }
}
