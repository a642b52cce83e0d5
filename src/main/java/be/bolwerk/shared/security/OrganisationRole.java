package be.bolwerk.shared.security;

/** The role a person holds within one organisation. Ordered from most to least powerful. */
public enum OrganisationRole {
    ORGANISATION_ADMIN,
    MEMBER,
    VIEWER;

    public boolean atLeast(OrganisationRole other) {
        return ordinal() <= other.ordinal();
    }
}
