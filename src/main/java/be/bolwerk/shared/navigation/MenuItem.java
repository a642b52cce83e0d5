package be.bolwerk.shared.navigation;

import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every item of the main menu, in menu order, with the roles that see it (none: everyone signed in). This is the
 * one place the menu's role lists are written. Where the page itself is guarded by {@code @PreAuthorize}, the
 * item names the same roles ({@code NavigationTests} compares them), so nobody is shown a link that answers
 * 403. The lists (organisations, self-evaluations, frameworks) are open to every signed-in person and filter by
 * tenant; their item goes to the people for whom the list holds something.
 */
enum MenuItem {
    HOME("/", "nav.home"),
    ORGANISATIONS(
            "/organisations",
            "nav.organisations",
            Persona.PROGRAMME_OFFICER,
            Persona.CRT_ANALYST,
            Persona.PLATFORM_ADMIN,
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    ASSESSMENTS(
            "/assessments",
            "nav.assessments",
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    PROGRAMME_ASSESSMENTS("/programme/assessments", "nav.programmeAssessments", Persona.PROGRAMME_OFFICER),
    CAMPAIGNS("/campaigns", "nav.campaigns", Persona.PROGRAMME_OFFICER),
    BUDGET("/budget", "nav.budget", Persona.PROGRAMME_OFFICER),
    AUDITS(
            "/audits",
            "nav.audits",
            Persona.PROGRAMME_OFFICER,
            Persona.AUDITOR,
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    FRAMEWORKS("/frameworks", "nav.frameworks"),
    ENGAGEMENTS(
            "/engagements",
            "nav.engagements",
            Persona.PROGRAMME_OFFICER,
            Persona.HACKING_SUPERVISOR,
            Persona.STUDENT,
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    FINDINGS(
            "/findings",
            "nav.findings",
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    FINDINGS_RISK_ACCEPTANCES(
            "/findings/risk-acceptances",
            "nav.findingsRiskAcceptances",
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    FINDINGS_SLA("/findings/sla", "nav.findingsSla", Persona.PROGRAMME_OFFICER, OrganisationRole.ORGANISATION_ADMIN),
    FINDINGS_PROGRAMME("/findings/programme", "nav.findingsProgramme", Persona.PROGRAMME_OFFICER),
    INCIDENTS(
            "/incidents",
            "nav.incidents",
            Persona.CRT_ANALYST,
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    INCIDENT_REPORT(
            "/incidents/new",
            "nav.incidentReport",
            OrganisationRole.ORGANISATION_ADMIN,
            OrganisationRole.MEMBER,
            OrganisationRole.VIEWER),
    INCIDENT_DASHBOARD("/incidents/dashboard", "nav.incidentDashboard", Persona.CRT_ANALYST, Persona.PROGRAMME_OFFICER),
    EMERGENCY_SUPPORT("/emergency-support", "nav.emergencySupport", Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST),
    MEMBERS("/members", "nav.members", OrganisationRole.ORGANISATION_ADMIN),
    USERS("/admin/users", "nav.users", Persona.PLATFORM_ADMIN),
    AUDIT_TRAIL("/admin/audit", "nav.audit", Persona.PLATFORM_ADMIN),
    MAILBOX("/admin/mailbox", "nav.mailbox", Persona.PLATFORM_ADMIN);

    final String path;
    final String label;
    /** Spring Security role authorities ({@code ROLE_…}); empty for an item every signed-in person sees. */
    final Set<String> roles;

    MenuItem(String path, String label, Enum<?>... roles) {
        this.path = path;
        this.label = label;
        this.roles = Arrays.stream(roles).map(role -> "ROLE_" + role.name()).collect(Collectors.toUnmodifiableSet());
    }

    boolean visibleTo(Collection<String> authorities) {
        return roles.isEmpty() || authorities.stream().anyMatch(roles::contains);
    }

    /**
     * The start page is current only on itself; any other item also for the pages below it, unless an item deeper
     * down names the page (the SLA page below the register is its own item).
     */
    boolean isCurrent(String requestPath) {
        if (this == HOME) {
            return requestPath.equals(path);
        }
        return requestPath.startsWith(path)
                && Arrays.stream(values())
                        .noneMatch(deeper -> deeper.path.length() > path.length()
                                && deeper.path.startsWith(path)
                                && requestPath.startsWith(deeper.path));
    }

    static Stream<MenuItem> inOrder() {
        return Arrays.stream(values());
    }
}
