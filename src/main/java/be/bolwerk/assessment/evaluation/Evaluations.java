package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.scoring.Scoring;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to load an assessment for a person and check what they may do with it, before any use case
 * acts. Someone outside the organisation, or asking for an area they may not open, learns nothing (404);
 * someone who may see it but not do this is refused (403); a submitted assessment refuses changes (409).
 */
@Service
public class Evaluations {

    /** An assessment, the person's access and its framework: what every use case starts from. */
    public record Checked(Assessment assessment, Access access, Framework framework) {}

    private final AssessmentStore assessments;
    private final AnswerStore answers;
    private final Frameworks frameworks;
    private final OrganisationMembers members;
    private final OrganisationDirectory organisations;

    Evaluations(
            AssessmentStore assessments,
            AnswerStore answers,
            Frameworks frameworks,
            OrganisationMembers members,
            OrganisationDirectory organisations) {
        this.assessments = assessments;
        this.answers = answers;
        this.frameworks = frameworks;
        this.members = members;
        this.organisations = organisations;
    }

    /** The assessment with its answers and scores, for a member of its organisation. */
    @Transactional(readOnly = true)
    public SelfEvaluation view(UUID id, CurrentUser user) {
        Checked checked = load(id, user);
        Assessment assessment = checked.assessment();
        Map<String, Answer> stored = answers.of(assessment.organisationId(), assessment.id());
        return new SelfEvaluation(
                assessment, checked.access(), checked.framework(), stored, Scoring.score(checked.framework(), stored));
    }

    /** The assessment for a member of its organisation. */
    public Checked load(UUID id, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        Access access = Access.of(assessment, user);
        return new Checked(assessment, access, frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId())));
    }

    /** The assessment for one of its organisation's admins; {@code what} says in the log what was refused. */
    public Checked asAdmin(UUID id, CurrentUser user, String what) {
        Checked checked = load(id, user);
        if (!checked.access().admin()) {
            throw new AccessDeniedException("only admins " + what);
        }
        return checked;
    }

    /**
     * The assessment for someone who answers this control now: its area must be one they may open (else
     * unknown), the assessment a draft (else locked) and the area theirs to answer (else forbidden).
     */
    public Checked forAnswering(UUID id, String controlRef, CurrentUser user) {
        Checked checked = load(id, user);
        String area =
                checked.framework().areaOf(controlRef).map(FrameworkNode::ref).orElseThrow(AssessmentNotFound::new);
        return requireAnswering(checked, area);
    }

    /** The same checks as {@link #forAnswering} for a whole area of the framework. */
    public Checked forAnsweringArea(UUID id, String areaRef, CurrentUser user) {
        Checked checked = load(id, user);
        if (checked.framework().areas().stream().noneMatch(a -> a.ref().equals(areaRef))) {
            throw new AssessmentNotFound();
        }
        return requireAnswering(checked, areaRef);
    }

    private static Checked requireAnswering(Checked checked, String area) {
        if (!checked.access().mayOpen(area)) {
            throw new AssessmentNotFound();
        }
        checked.assessment().requireDraft();
        if (!checked.access().mayAnswer(area)) {
            throw new AccessDeniedException("may not answer this area");
        }
        return checked;
    }

    /** The name of the assessment's organisation, which the person is a member of (checked by the view). */
    public String organisationName(Assessment assessment, CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> o.id().value().equals(assessment.organisationId()))
                .map(OrganisationProfile::name)
                .findFirst()
                .orElseThrow(AssessmentNotFound::new);
    }

    /** The organisation's active members an area or an action can be given to: viewers only read. */
    public List<OrganisationMember> assignable(Assessment assessment) {
        return members.active(assessment.organisationId()).stream()
                .filter(m -> m.role() != OrganisationRole.VIEWER)
                .toList();
    }

    /** Every member of the organisation, former ones and viewers included: to name who did something. */
    public List<OrganisationMember> assignableOrFormer(Assessment assessment) {
        return members.of(assessment.organisationId());
    }

    /** Refuses an account that is not an active member who may act (a viewer may not) of the organisation. */
    public void requireMember(Assessment assessment, UUID accountId) {
        if (members.activeMember(assessment.organisationId(), accountId)
                .filter(m -> m.role() != OrganisationRole.VIEWER)
                .isEmpty()) {
            throw Refusal.invalid("assessment.assign.notAMember");
        }
    }
}
