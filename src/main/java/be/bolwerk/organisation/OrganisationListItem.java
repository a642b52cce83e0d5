package be.bolwerk.organisation;

/** One row of the organisation list. */
public record OrganisationListItem(
        OrganisationId id,
        String name,
        OrganisationType type,
        String nisCode,
        Integer inhabitants,
        Integer staffCount,
        String contactEmail) {}
