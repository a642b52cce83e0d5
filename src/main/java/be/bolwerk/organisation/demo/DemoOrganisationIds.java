package be.bolwerk.organisation.demo;

import be.bolwerk.organisation.OrganisationId;
import java.util.UUID;

/** Demo profile only: the fixed ids of the demo organisations that the demo accounts belong to. */
public final class DemoOrganisationIds {

    /** "Gemeente Appelkerke", the municipality of the demo ISO, member and viewer. */
    public static final OrganisationId APPELKERKE =
            new OrganisationId(UUID.fromString("0b5e6a39-4c1e-4f0e-9a53-7d0b00000001"));

    /** "OCMW Munthove", a second organisation, used to show that one cannot see the other. */
    public static final OrganisationId OCMW_MUNTHOVE =
            new OrganisationId(UUID.fromString("0b5e6a39-4c1e-4f0e-9a53-7d0b00000002"));

    private DemoOrganisationIds() {}
}
