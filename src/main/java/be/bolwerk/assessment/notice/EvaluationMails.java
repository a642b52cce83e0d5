package be.bolwerk.assessment.notice;

import be.bolwerk.assessment.AreaAssigned;
import be.bolwerk.assessment.AssessmentSubmitted;
import be.bolwerk.assessment.ControlAnswered;
import be.bolwerk.assessment.evaluation.AnswerStore;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.assessment.scoring.Scoring;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the people a step of a self-evaluation concerns, after the step committed (ADR 0015): the colleague an
 * area was given to, the admins when a colleague answered the last control of their area, and everyone who
 * took part when the evaluation was submitted. Delivery is at least once, so every mail carries a key that
 * names its reason and recipient and is queued once ({@code Mailer.sendOnce}). These are work mails: a person
 * who turned them off gets none (ADR 0018).
 */
@Component
class EvaluationMails {

    private final AssessmentStore assessments;
    private final AnswerStore answers;
    private final Frameworks frameworks;
    private final OrganisationMembers members;
    private final PersonalMail mail;
    private final JdbcClient jdbc;

    EvaluationMails(
            AssessmentStore assessments,
            AnswerStore answers,
            Frameworks frameworks,
            OrganisationMembers members,
            PersonalMail mail,
            JdbcClient jdbc) {
        this.assessments = assessments;
        this.answers = answers;
        this.frameworks = frameworks;
        this.members = members;
        this.mail = mail;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AreaAssigned event) {
        if (!event.wentToSomeoneNew() || event.assigneeId().equals(event.assignedBy())) {
            return;
        }
        Optional<Assessment> found = assessments.find(event.assessmentId().value());
        if (found.isEmpty() || !found.get().isDraft()) {
            return;
        }
        Assessment assessment = found.get();
        Framework framework = framework(assessment);
        Optional<FrameworkNode> area = area(framework, event.areaRef());
        if (area.isEmpty()) {
            return;
        }
        mail.send(
                event.assigneeId(),
                PersonalMail.Kind.WORK,
                "area-assigned:" + assessment.id() + ":" + event.areaRef() + ":" + event.assignedAt() + ":"
                        + event.assigneeId(),
                "mail/areaAssigned",
                Map.of(
                        "assigner",
                        name(assessment.organisationId(), event.assignedBy()),
                        "area",
                        area.get().ref() + " " + area.get().title(),
                        "framework",
                        framework.title() + " " + framework.version(),
                        "year",
                        String.valueOf(assessment.year()),
                        "link",
                        mail.link("/assessments/" + assessment.id() + "/areas/" + event.areaRef())),
                area.get().title());
    }

    /**
     * Only an area given to a colleague counts: the admins answer the others themselves. Answers saved on the
     * page and imported from a workbook raise the same event; one mail per area and admin, however many.
     */
    @ApplicationModuleListener
    void on(ControlAnswered event) {
        Optional<Assessment> found = assessments.find(event.assessmentId().value());
        if (found.isEmpty()) {
            return;
        }
        Assessment assessment = found.get();
        Framework framework = framework(assessment);
        Optional<FrameworkNode> area = framework.areaOf(event.controlRef());
        Optional<UUID> assignee = area.flatMap(a -> assessment.assigneeOf(a.ref()));
        if (assignee.isEmpty()) {
            return;
        }
        Scores scores = Scoring.score(framework, answers.of(assessment.organisationId(), assessment.id()));
        Scores.Progress progress = scores.progress().get(area.get().ref());
        if (progress == null || !progress.done()) {
            return;
        }
        String colleague = name(assessment.organisationId(), assignee.get());
        for (OrganisationMember admin : admins(assessment.organisationId())) {
            // Who gave the last answer (the colleague, or an admin importing a workbook) knows already.
            if (admin.accountId().equals(assignee.get()) || admin.accountId().equals(event.answeredBy())) {
                continue;
            }
            mail.send(
                    admin.accountId(),
                    PersonalMail.Kind.WORK,
                    "area-finished:" + assessment.id() + ":" + area.get().ref() + ":" + admin.accountId(),
                    "mail/areaFinished",
                    Map.of(
                            "colleague",
                            colleague,
                            "area",
                            area.get().ref() + " " + area.get().title(),
                            "framework",
                            framework.title() + " " + framework.version(),
                            "year",
                            String.valueOf(assessment.year()),
                            "link",
                            mail.link("/assessments/" + assessment.id())),
                    area.get().title());
        }
    }

    /** The admins and everyone who answered or was given an area, each once. */
    @ApplicationModuleListener
    void on(AssessmentSubmitted event) {
        Optional<Assessment> found = assessments.find(event.id().value());
        if (found.isEmpty()) {
            return;
        }
        Assessment assessment = found.get();
        Framework framework = framework(assessment);
        Set<UUID> tookPart = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT answered_by FROM assessment_answer
                        WHERE organisation_id = :org AND assessment_id = :id
                        """)
                .param("org", assessment.organisationId())
                .param("id", assessment.id())
                .query(UUID.class)
                .list());
        tookPart.addAll(assessment.assignments().values());
        for (OrganisationMember member : members.active(assessment.organisationId())) {
            boolean admin = member.role() == OrganisationRole.ORGANISATION_ADMIN;
            if (!admin && !tookPart.contains(member.accountId())) {
                continue;
            }
            mail.send(
                    member.accountId(),
                    PersonalMail.Kind.WORK,
                    "submitted:" + assessment.id() + ":" + member.accountId(),
                    "mail/assessmentSubmitted",
                    Map.of(
                            "framework",
                            framework.title() + " " + framework.version(),
                            "year",
                            String.valueOf(assessment.year()),
                            "submitter",
                            name(assessment.organisationId(), assessment.submittedBy()),
                            "link",
                            mail.link("/assessments/" + assessment.id() + "/results")),
                    framework.title(),
                    String.valueOf(assessment.year()));
        }
    }

    private Framework framework(Assessment assessment) {
        return frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
    }

    private static Optional<FrameworkNode> area(Framework framework, String ref) {
        return framework.areas().stream().filter(a -> a.ref().equals(ref)).findFirst();
    }

    private List<OrganisationMember> admins(UUID organisationId) {
        return members.active(organisationId).stream()
                .filter(m -> m.role() == OrganisationRole.ORGANISATION_ADMIN)
                .toList();
    }

    /** A colleague's name as the mail shows it; someone who left the organisation is a dash. */
    private String name(UUID organisationId, UUID accountId) {
        return members.of(organisationId).stream()
                .filter(m -> m.accountId().equals(accountId))
                .map(OrganisationMember::displayName)
                .findFirst()
                .orElse("—");
    }
}
