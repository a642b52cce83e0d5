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
        String contactPhone) {}
