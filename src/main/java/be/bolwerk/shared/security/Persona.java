package be.bolwerk.shared.security;

/**
 * Programme-wide roles: held by a person regardless of any organisation. Each maps to a Spring Security role
 * of the same name so that {@code @PreAuthorize("hasRole('PROGRAMME_OFFICER')")} reads like the persona.
 */
public enum Persona {
    PROGRAMME_OFFICER,
    AUDITOR,
    HACKING_SUPERVISOR,
    STUDENT,
    CRT_ANALYST,
    TOOLKIT_EDITOR,
    PLATFORM_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
