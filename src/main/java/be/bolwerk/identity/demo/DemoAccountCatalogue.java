package be.bolwerk.identity.demo;

import be.bolwerk.identity.factor.IdentityProperties;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo accounts, one per persona. Empty unless a demo password is configured, which only the demo profile
 * does; so the login page and the start-up log show them in demo mode only.
 */
@Component
public class DemoAccountCatalogue {

    /**
     * One demo account: its e-mail, display name, and either a persona or a role in an organisation. Auditors and
     * hacking supervisors and students belong to a (fictional) audit firm or college.
     */
    public record DemoAccount(
            String email, String displayName, Persona persona, OrganisationId organisation, OrganisationRole role) {

        String affiliation() {
            if (persona == Persona.AUDITOR) {
                return "Auditkantoor Voorbeeld";
            }
            return persona == Persona.HACKING_SUPERVISOR || persona == Persona.STUDENT ? "Hogeschool Voorbeeld" : null;
        }

        public String roleKey() {
            return persona != null ? "persona." + persona.name() : "organisationRole." + role.name();
        }
    }

    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount(
                    "iso@appelkerke.invalid",
                    "Ilse Appelmans",
                    null,
                    DemoOrganisationIds.APPELKERKE,
                    OrganisationRole.ORGANISATION_ADMIN),
            new DemoAccount(
                    "medewerker@appelkerke.invalid",
                    "Marc Kerkhofs",
                    null,
                    DemoOrganisationIds.APPELKERKE,
                    OrganisationRole.MEMBER),
            new DemoAccount(
                    "lezer@appelkerke.invalid",
                    "Lotte Vanappel",
                    null,
                    DemoOrganisationIds.APPELKERKE,
                    OrganisationRole.VIEWER),
            new DemoAccount(
                    "iso@munthove.invalid",
                    "Mehmet Munters",
                    null,
                    DemoOrganisationIds.OCMW_MUNTHOVE,
                    OrganisationRole.ORGANISATION_ADMIN),
            new DemoAccount("programma@bolwerk.invalid", "Paula Programma", Persona.PROGRAMME_OFFICER, null, null),
            new DemoAccount("auditor@auditkantoor.invalid", "Arne Auditeur", Persona.AUDITOR, null, null),
            new DemoAccount("begeleider@hogeschool.invalid", "Hanne Hackx", Persona.HACKING_SUPERVISOR, null, null),
            new DemoAccount("student@hogeschool.invalid", "Sam Studentjes", Persona.STUDENT, null, null),
            new DemoAccount("analist@crt.invalid", "Charlotte Respons", Persona.CRT_ANALYST, null, null),
            new DemoAccount("redactie@vereniging.invalid", "Tom Toolkit", Persona.TOOLKIT_EDITOR, null, null),
            new DemoAccount("beheer@bolwerk.invalid", "Pieter Platform", Persona.PLATFORM_ADMIN, null, null));

    private final IdentityProperties properties;

    DemoAccountCatalogue(IdentityProperties properties) {
        this.properties = properties;
    }

    boolean enabled() {
        return properties.demoPassword() != null && !properties.demoPassword().isBlank();
    }

    public List<DemoAccount> accounts() {
        return enabled() ? ACCOUNTS : List.of();
    }

    public String password() {
        return enabled() ? properties.demoPassword() : null;
    }

    /** The published authenticator secret of every demo account; {@code null} outside demo mode. */
    public String totpSecret() {
        return enabled() ? properties.demoTotpSecret() : null;
    }

    public boolean usesDemoSecret(String secret) {
        return enabled() && secret != null && secret.equals(properties.demoTotpSecret());
    }
}
