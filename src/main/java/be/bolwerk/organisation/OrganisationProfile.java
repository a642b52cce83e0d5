package be.bolwerk.organisation;

import java.time.Instant;

/** A read-only view of one organisation, as other modules and the API see it. */
public record OrganisationProfile(
        OrganisationId id,
        String name,
        OrganisationType type,
        String nisCode,
        Integer inhabitants,
        Integer staffCount,
        String contactEmail,
        String contactPhone,
        Nis2Scope nis2Scope,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public OrganisationDetails details() {
        return new OrganisationDetails(
                name, type, nisCode, inhabitants, staffCount, contactEmail, contactPhone, nis2Scope);
    }
}
