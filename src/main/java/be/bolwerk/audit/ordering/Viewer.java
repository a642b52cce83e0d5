package be.bolwerk.audit.ordering;

import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.Map;
import java.util.UUID;

/**
 * What a person may see of audit orders. Programme officers see every order and its money but not the finding
 * details; an auditor sees the orders given to their firm; an organisation's members see the orders of their
 * organisation, as the one that ordered or as the partner of a joint order. Anything else is not there (404).
 *
 * @param firm the audit firm of an auditor, null for everyone else
 */
public record Viewer(CurrentUser user, boolean programme, String firm) {

    public static Viewer of(CurrentUser user, ProgrammePeople people) {
        String firm = user.has(Persona.AUDITOR)
                ? people.affiliationOf(user.id(), Persona.AUDITOR).orElse(null)
                : null;
        return new Viewer(user, user.has(Persona.PROGRAMME_OFFICER), firm);
    }

    public boolean sees(AuditOrder order) {
        return programme || auditorOf(order) || memberOf(order);
    }

    public boolean auditorOf(AuditOrder order) {
        return firm != null && firm.equals(order.firm());
    }

    public boolean memberOf(AuditOrder order) {
        Map<UUID, OrganisationRole> memberships = user.memberships();
        return memberships.containsKey(order.organisationId())
                || (order.partnerId() != null && memberships.containsKey(order.partnerId()));
    }

    /** An admin of the ordering organisation or of the partner: they order and cancel. */
    public boolean adminOf(AuditOrder order) {
        return user.roleIn(order.organisationId()).orElse(null) == OrganisationRole.ORGANISATION_ADMIN
                || (order.partnerId() != null
                        && user.roleIn(order.partnerId()).orElse(null) == OrganisationRole.ORGANISATION_ADMIN);
    }

    /** The findings are the organisation's and the auditor's business, not the programme office's. */
    public boolean seesFindings(AuditOrder order) {
        return auditorOf(order) || memberOf(order);
    }

    public AuditOrder.Actor actor() {
        return new AuditOrder.Actor(user.id(), user.displayName());
    }
}
