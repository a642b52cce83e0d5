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
        IncidentAccess.Loaded loaded = access.load(id, user);
        Incident incident = loaded.incident();
        String name = organisations
                .profile(new OrganisationId(incident.organisationId()), user)
                .name();
        return new Page(incident, loaded.access(), IncidentHeader.of(incident, name, loaded.access()));
    }
}
