package be.bolwerk.organisation;

import be.bolwerk.shared.NotFound;

/** No organisation with this id exists, or the person may not see it: the two answer alike on purpose. */
public class OrganisationNotFound extends NotFound {

    private OrganisationNotFound(String message) {
        super(message);
    }

    public static OrganisationNotFound withId(OrganisationId id) {
        return new OrganisationNotFound("Organisation " + id + " not found or not visible");
    }
}
