package be.bolwerk.incident.handling;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Loads one incident for one of its pages: the incident with what the reader may do (404 when they may not see
 * it), and the header every page of it shows. Each page's controller starts here, so none can forget the check.
 */
@Component
public class IncidentPages {

    /** An incident as one page needs it. */
    public record Page(Incident incident, Access access, IncidentHeader header) {}

    private final IncidentAccess access;
    private final OrganisationDirectory organisations;

    IncidentPages(IncidentAccess access, OrganisationDirectory organisations) {
        this.access = access;
        this.organisations = organisations;
    }

    public Page load(IncidentId id, CurrentUser user) {
        return page(access.load(id, user), user);
    }

    /** For the pages a guest may open too: the overview and the timeline (ADR 0043). */
    public Page loadWithGuests(IncidentId id, CurrentUser user) {
        return page(access.loadWithGuests(id, user), user);
    }

    private Page page(IncidentAccess.Loaded loaded, CurrentUser user) {
        Incident incident = loaded.incident();
        OrganisationId organisation = new OrganisationId(incident.organisationId());
        // A guest sees no organisation anywhere else, so the visibility check would refuse the one that invited them.
        String name = loaded.access().guest()
                ? organisations.name(organisation)
                : organisations.profile(organisation, user).name();
        return new Page(incident, loaded.access(), IncidentHeader.of(incident, name, loaded.access()));
    }
}
