package be.bolwerk.shared.security;

/**
 * The role a person holds within one organisation. The rules compare roles by name (an admin may invite, a
 * viewer may not answer), never by rank: a rank comparison would silently grant a new role every right of the
 * roles below it.
 */
public enum OrganisationRole {
    ORGANISATION_ADMIN,
    MEMBER,
    VIEWER
}
