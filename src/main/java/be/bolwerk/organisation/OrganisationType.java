package be.bolwerk.organisation;

/** The kinds of local government the programme serves. Labels live in messages ({@code organisation.type.*}). */
public enum OrganisationType {
    MUNICIPALITY,
    SOCIAL_WELFARE_CENTRE,
    POLICE_ZONE,
    PROVINCE,
    INTERMUNICIPAL_ASSOCIATION,
    OTHER
}
