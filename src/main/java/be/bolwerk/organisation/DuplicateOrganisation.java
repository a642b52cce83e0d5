package be.bolwerk.organisation;

/** Another organisation already has this name or NIS code; both must be unique across the programme. */
public class DuplicateOrganisation extends RuntimeException {

    /** The property of {@link OrganisationDetails} that clashes, so a form can put the message next to it. */
    public enum Field {
        NAME,
        NIS_CODE
    }

    private final Field field;

    private DuplicateOrganisation(Field field) {
        super("Duplicate organisation " + field, null, false, false);
        this.field = field;
    }

    public static DuplicateOrganisation byName() {
        return new DuplicateOrganisation(Field.NAME);
    }

    public static DuplicateOrganisation byNisCode() {
        return new DuplicateOrganisation(Field.NIS_CODE);
    }

    public Field field() {
        return field;
    }
}
