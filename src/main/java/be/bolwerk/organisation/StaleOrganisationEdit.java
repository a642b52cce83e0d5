package be.bolwerk.organisation;

/** The organisation changed since the form was opened; saving would silently overwrite someone's work. */
public class StaleOrganisationEdit extends RuntimeException {

    private StaleOrganisationEdit(String message) {
        super(message, null, false, false);
    }

    public static StaleOrganisationEdit of(OrganisationId id) {
        return new StaleOrganisationEdit("Organisation " + id + " changed since the form was loaded");
    }
}
