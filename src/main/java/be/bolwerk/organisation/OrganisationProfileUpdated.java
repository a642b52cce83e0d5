package be.bolwerk.organisation;

/** The recorded profile of a local government changed. */
public record OrganisationProfileUpdated(OrganisationId organisationId) {}
