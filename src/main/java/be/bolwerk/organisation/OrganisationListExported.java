package be.bolwerk.organisation;

/**
 * Someone downloaded the organisation list. Exports take data out of the platform, so they are recorded.
 *
 * @param rows how many organisations the file holds
 * @param filter the selection, as the person made it
 */
public record OrganisationListExported(int rows, String filter) {}
