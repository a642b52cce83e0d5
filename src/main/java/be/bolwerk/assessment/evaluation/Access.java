package be.bolwerk.assessment.evaluation;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;

/**
 * What one person may do with one assessment. Only members of the organisation see it at all; its admins
 * see and answer everything; a colleague sees the overview and answers the areas given to them; a viewer
 * reads every area and answers none. The programme office never sees individual answers here (its figures
 * come from submitted scores only).
 */
public record Access(Assessment assessment, OrganisationRole role, java.util.UUID person) {

    static Access of(Assessment assessment, CurrentUser user) {
        OrganisationRole role = user.roleIn(assessment.organisationId()).orElseThrow(AssessmentNotFound::new);
        return new Access(assessment, role, user.id());
    }

    public boolean admin() {
        return role == OrganisationRole.ORGANISATION_ADMIN;
    }

    public boolean mayOpen(String areaRef) {
        return role == OrganisationRole.VIEWER || answersArea(areaRef);
    }

    public boolean mayAnswer(String areaRef) {
        return assessment.isDraft() && answersArea(areaRef);
    }

    /** Whose area this is to answer: the admins', or the colleague it was given to; never a viewer's. */
    private boolean answersArea(String areaRef) {
        return admin()
                || (role == OrganisationRole.MEMBER
                        && assessment.assigneeOf(areaRef).map(person::equals).orElse(false));
    }
}
