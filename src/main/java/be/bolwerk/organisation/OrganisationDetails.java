package be.bolwerk.organisation;

/**
 * What a programme officer records about a local government. Validated by the form that produced it; the
 * aggregate re-checks the invariants that the database relies on.
 */
public record OrganisationDetails(
        String name,
        OrganisationType type,
        String nisCode,
        Integer inhabitants,
        Integer staffCount,
        String contactEmail,
        String contactPhone,
        Nis2Scope nis2Scope) {

    /** The details of an organisation outside the scope of NIS2, as most local governments are. */
    public OrganisationDetails(
            String name,
            OrganisationType type,
            String nisCode,
            Integer inhabitants,
            Integer staffCount,
            String contactEmail,
            String contactPhone) {
        this(name, type, nisCode, inhabitants, staffCount, contactEmail, contactPhone, Nis2Scope.NOT_IN_SCOPE);
    }
}
