package be.bolwerk.organisation;

/** A programme officer registered a new local government. */
public record OrganisationRegistered(OrganisationId organisationId, String name, OrganisationType type) {}
