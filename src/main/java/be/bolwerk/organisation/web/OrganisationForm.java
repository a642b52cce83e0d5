package be.bolwerk.organisation.web;

import be.bolwerk.organisation.Nis2Scope;
import be.bolwerk.organisation.OrganisationDetails;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the registration and edit form binds; only these fields can be set from a request. Numbers are bound as
 * text and checked by pattern, so that a typo in one field is reported together with every other error and
 * the typed text is shown again instead of being lost to a conversion failure.
 */
record OrganisationForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String name,

        @NotNull(message = "{validation.required}") OrganisationType type,

        @Pattern(regexp = "\\s*|\\d{5}", message = "{organisation.nisCode.format}")
        String nisCode,

        @Pattern(regexp = WHOLE_NUMBER, message = "{validation.wholeNumber}")
        String inhabitants,

        @Pattern(regexp = WHOLE_NUMBER, message = "{validation.wholeNumber}")
        String staffCount,

        @NotBlank(message = "{validation.required}")
        @Email(message = "{validation.email}")
        @Size(max = 254, message = "{validation.size.max}")
        String contactEmail,

        @Size(max = 40, message = "{validation.size.max}")
        @Pattern(regexp = "[+0-9 ()./-]*", message = "{validation.phone}")
        String contactPhone,

        Nis2Scope nis2Scope,

        Integer version) {

    /** Up to nine digits, surrounding blanks allowed, or nothing at all. */
    static final String WHOLE_NUMBER = "\\s*(\\d{1,9})?\\s*";

    static OrganisationForm empty() {
        return new OrganisationForm(
                null, OrganisationType.MUNICIPALITY, null, null, null, null, null, Nis2Scope.NOT_IN_SCOPE, null);
    }

    static OrganisationForm of(OrganisationProfile profile) {
        return new OrganisationForm(
                profile.name(),
                profile.type(),
                profile.nisCode(),
                text(profile.inhabitants()),
                text(profile.staffCount()),
                profile.contactEmail(),
                profile.contactPhone(),
                profile.nis2Scope(),
                profile.version());
    }

    OrganisationDetails details() {
        return new OrganisationDetails(
                name,
                type,
                nisCode,
                number(inhabitants),
                number(staffCount),
                contactEmail,
                contactPhone,
                nis2Scope == null ? Nis2Scope.NOT_IN_SCOPE : nis2Scope);
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }
}
