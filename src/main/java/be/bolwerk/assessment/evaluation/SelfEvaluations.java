package be.bolwerk.assessment.evaluation;

import be.bolwerk.assessment.document.AnswerWorkbook;
import be.bolwerk.assessment.evidence.Evidence;
import be.bolwerk.assessment.improvement.ImprovementActions;
import be.bolwerk.assessment.scoring.Gaps;
import be.bolwerk.assessment.scoring.PeerBenchmark;
import be.bolwerk.assessment.scoring.Scores;
import be.bolwerk.assessment.scoring.Scoring;
import be.bolwerk.assessment.web.ActionForm;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-evaluation use cases: start (carrying over last year's answers), assign areas, answer, submit.
 * Every method takes the person and checks what they may do with this assessment before anything else.
 */
@Service
public class SelfEvaluations {

    /** An assessment with its framework, answers and scores, as one person may see it. */
    public record View(
            Assessment assessment, Access access, Framework framework, Map<String, Answer> answers, Scores scores) {

        public FrameworkNode area(String ref) {
            return framework.areas().stream()
                    .filter(a -> a.ref().equals(ref))
                    .findFirst()
                    .orElseThrow(AssessmentNotFound::new);
        }

        /** The area a control belongs to. */
        public Optional<FrameworkNode> areaOf(String controlRef) {
            return framework.areas().stream()
                    .filter(a -> a.walk().anyMatch(n -> n.isControl() && n.ref().equals(controlRef)))
                    .findFirst();
        }
    }

    /** The results page: this assessment's scores, last year's, the peers' and the gaps. */
    public record Results(
            View view,
            Optional<AssessmentStore.SubmittedScores> previous,
            PeerBenchmark.Peers peers,
            List<Gaps.Gap> gaps,
            List<ImprovementActions.Action> actions) {

        /** Change of an area's score since last year, or {@code null} when either is missing. */
        public java.math.BigDecimal change(String areaRef) {
            java.math.BigDecimal now = view.scores().group(areaRef);
            java.math.BigDecimal before =
                    previous.map(p -> p.areas().get(areaRef)).orElse(null);
            return now == null || before == null ? null : now.subtract(before);
        }
    }

    /** Why an answer was refused; the page shows the message next to the control. */
    public static final class AnswerRefused extends RuntimeException {
        private final String key;

        AnswerRefused(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final AssessmentStore assessments;
    private final AnswerStore answers;
    private final Frameworks frameworks;
    private final OrganisationMembers members;
    private final PeerBenchmark peers;
    private final ImprovementActions actions;
    private final Evidence evidence;
    private final be.bolwerk.organisation.OrganisationDirectory organisations;
    private final Clock clock;

    SelfEvaluations(
            AssessmentStore assessments,
            AnswerStore answers,
            Frameworks frameworks,
            OrganisationMembers members,
            PeerBenchmark peers,
            ImprovementActions actions,
            Evidence evidence,
            be.bolwerk.organisation.OrganisationDirectory organisations,
            Clock clock) {
        this.organisations = organisations;
        this.evidence = evidence;
        this.actions = actions;
        this.peers = peers;
        this.assessments = assessments;
        this.answers = answers;
        this.frameworks = frameworks;
        this.members = members;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View view(UUID id, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        Access access = Access.of(assessment, user);
        Framework framework = frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
        Map<String, Answer> stored = answers.of(assessment.organisationId(), assessment.id());
        return new View(assessment, access, framework, stored, Scoring.score(framework, stored));
    }

    /**
     * Starts the organisation's assessment of a framework version for a year, or returns the one that exists:
     * a second click on "start" opens the same draft. Answers carry over from the latest submitted
     * assessment of the same framework (same refs, or the version's declared mapping).
     */
    @Transactional
    public UUID start(UUID organisationId, UUID frameworkVersionId, int year, CurrentUser user) {
        if (user.roleIn(organisationId)
                .filter(r -> r == OrganisationRole.ORGANISATION_ADMIN)
                .isEmpty()) {
            throw new AccessDeniedException("only the organisation's admins start a self-evaluation");
        }
        Framework framework = frameworks.get(FrameworkVersionId.of(frameworkVersionId));
        Optional<UUID> existing = assessments.idOf(organisationId, frameworkVersionId, year);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<UUID> sameFramework = frameworks.all().stream()
                .filter(f -> f.code().equals(framework.code()))
                .map(FrameworkSummary::id)
                .map(FrameworkVersionId::value)
                .toList();
        Optional<AssessmentStore.Row> previous = assessments.latestSubmitted(organisationId, sameFramework);
        Assessment assessment = Assessment.start(
                organisationId, frameworkVersionId, year, previous.map(AssessmentStore.Row::id), user.id(), clock);
        assessments.insert(assessment);
        previous.ifPresent(row -> answers.copy(
                organisationId,
                assessment.id(),
                carriedOver(framework, row, answers.of(organisationId, row.id())),
                user.id(),
                clock.instant()));
        return assessment.id();
    }

    /** Last year's answers under this version's refs; controls that no longer exist are left behind. */
    private Map<String, Answer> carriedOver(
            Framework framework, AssessmentStore.Row previous, Map<String, Answer> old) {
        Framework before = frameworks.get(FrameworkVersionId.of(previous.frameworkVersionId()));
        boolean mapped = framework.mappedFrom() != null
                && framework.mappedFrom().equals(before.version())
                && !framework.mapping().isEmpty();
        Map<String, Answer> carried = new LinkedHashMap<>();
        for (Answer answer : old.values()) {
            String ref = mapped
                    ? framework.mapping().getOrDefault(answer.controlRef(), answer.controlRef())
                    : answer.controlRef();
            Optional<FrameworkNode> control = framework.node(ref).filter(FrameworkNode::isControl);
            if (control.isEmpty() || (answer.notApplicable() && control.get().keyMeasure())) {
                continue;
            }
            carried.put(
                    ref,
                    new Answer(
                            ref,
                            answer.documentation(),
                            answer.implementation(),
                            answer.notApplicable(),
                            answer.justification(),
                            answer.comment(),
                            answer.answeredBy(),
                            answer.answeredAt(),
                            1));
        }
        return carried;
    }

    @Transactional(readOnly = true)
    public Results results(UUID id, CurrentUser user) {
        View view = view(id, user);
        Optional<AssessmentStore.SubmittedScores> previous = view.assessment().previousId() == null
                ? Optional.empty()
                : assessments.submittedScores(view.assessment().previousId());
        return new Results(
                view,
                previous,
                peers.of(view.assessment().organisationId(), view.assessment().frameworkVersionId()),
                Gaps.of(view.framework(), view.scores()),
                actions.of(view.assessment()));
    }

    /**
     * Records an improvement action on one of the assessment's controls, by an admin of its organisation. The
     * owner, when given, must be an active member. Returns false when the same action already existed.
     */
    @Transactional
    public boolean proposeAction(UUID id, ActionForm form, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        if (!Access.of(assessment, user).admin()) {
            throw new AccessDeniedException("only admins plan improvement actions");
        }
        Framework framework = frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
        if (framework
                .node(form.controlRef().strip())
                .filter(FrameworkNode::isControl)
                .isEmpty()) {
            throw new AnswerRefused("assessment.action.controlRequired");
        }
        if (form.owner() != null
                && members.activeMember(assessment.organisationId(), form.owner())
                        .isEmpty()) {
            throw new AnswerRefused("assessment.assign.notAMember");
        }
        return actions.propose(
                assessment,
                form.controlRef().strip(),
                form.title().strip(),
                form.owner(),
                form.due(),
                form.chosenPriority(),
                user.id());
    }

    /** The assessment and the area of one control, checked for answering by this person. */
    private Assessment answerable(UUID id, String controlRef, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        Access access = Access.of(assessment, user);
        Framework framework = frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
        String area = areaOf(framework, controlRef).orElseThrow(AssessmentNotFound::new);
        if (!access.mayOpen(area)) {
            throw new AssessmentNotFound();
        }
        assessment.requireDraft();
        if (!access.mayAnswer(area)) {
            throw new AccessDeniedException("may not answer this area");
        }
        return assessment;
    }

    private static Optional<String> areaOf(Framework framework, String controlRef) {
        return framework.areas().stream()
                .filter(a -> a.walk().anyMatch(n -> n.isControl() && n.ref().equals(controlRef)))
                .map(FrameworkNode::ref)
                .findFirst();
    }

    @Transactional
    public void addEvidenceFile(UUID id, String controlRef, String name, byte[] content, CurrentUser user) {
        evidence.addFile(answerable(id, controlRef, user), controlRef, name, content, user.id());
    }

    @Transactional
    public void addEvidenceLink(UUID id, String controlRef, String title, String url, CurrentUser user) {
        evidence.addLink(answerable(id, controlRef, user), controlRef, title, url, user.id());
    }

    @Transactional(readOnly = true)
    public Map<String, List<Evidence.Item>> evidenceOf(View view) {
        return evidence.of(view.assessment()).stream()
                .filter(item -> view.areaOf(item.controlRef())
                        .map(area -> view.access().mayOpen(area.ref()))
                        .orElse(false))
                .collect(java.util.stream.Collectors.groupingBy(
                        Evidence.Item::controlRef, LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    /** A stored file, for someone who may open the area of its control; unknown otherwise. */
    @Transactional(readOnly = true)
    public Evidence.Download evidenceFile(UUID id, UUID evidenceId, CurrentUser user) {
        View view = view(id, user);
        String control = evidence.controlOf(view.assessment(), evidenceId).orElseThrow(AssessmentNotFound::new);
        if (!view.areaOf(control).map(a -> view.access().mayOpen(a.ref())).orElse(false)) {
            throw new AssessmentNotFound();
        }
        return evidence.file(view.assessment(), evidenceId).orElseThrow(AssessmentNotFound::new);
    }

    @Transactional
    public void removeEvidence(UUID id, UUID evidenceId, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        Access.of(assessment, user);
        String control = evidence.controlOf(assessment, evidenceId).orElseThrow(AssessmentNotFound::new);
        evidence.remove(answerable(id, control, user), evidenceId);
    }

    /** What an import did: answers changed, and answers that were already so. */
    public record Imported(int saved, int unchanged) {}

    /**
     * Imports the answers of a workbook into a draft, all or nothing: one refused row (a key measure marked not
     * applicable, a control that does not exist) refuses the whole workbook. Empty rows leave answers alone.
     */
    @Transactional
    public Imported importAnswers(UUID id, Map<String, AnswerInput> inputs, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        if (!Access.of(assessment, user).admin()) {
            throw new AccessDeniedException("only admins import answers");
        }
        assessment.requireDraft();
        Framework framework = frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
        List<String> refused = new java.util.ArrayList<>();
        inputs.forEach((ref, input) -> {
            Optional<FrameworkNode> control = framework.node(ref).filter(FrameworkNode::isControl);
            if (control.isEmpty() || (input.notApplicable() && control.get().keyMeasure())) {
                refused.add(ref);
            }
        });
        if (!refused.isEmpty()) {
            throw new AnswerWorkbook.Refused("assessment.workbook.keyMeasureRows", refused);
        }
        int saved = 0;
        int unchanged = 0;
        for (Map.Entry<String, AnswerInput> entry : inputs.entrySet()) {
            AnswerStore.Saved result = answers.save(
                    assessment.organisationId(),
                    assessment.id(),
                    entry.getKey(),
                    entry.getValue(),
                    user.id(),
                    clock.instant());
            if (result.outcome() == AnswerStore.Outcome.SAVED) {
                saved++;
            } else {
                unchanged++;
            }
        }
        return new Imported(saved, unchanged);
    }

    @Transactional
    public void assign(UUID id, String areaRef, UUID accountId, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        Access access = Access.of(assessment, user);
        if (!access.admin()) {
            throw new AccessDeniedException("only admins assign areas");
        }
        Framework framework = frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
        if (framework.areas().stream().noneMatch(a -> a.ref().equals(areaRef))) {
            throw new AssessmentNotFound();
        }
        if (accountId != null
                && members.activeMember(assessment.organisationId(), accountId).isEmpty()) {
            throw new AnswerRefused("assessment.assign.notAMember");
        }
        assessment.assign(areaRef, accountId);
        assessments.update(assessment);
    }

    @Transactional
    public AnswerStore.Saved answer(UUID id, String controlRef, AnswerInput input, CurrentUser user) {
        Assessment assessment = assessments.find(id).orElseThrow(AssessmentNotFound::new);
        Access access = Access.of(assessment, user);
        Framework framework = frameworks.get(FrameworkVersionId.of(assessment.frameworkVersionId()));
        FrameworkNode control =
                framework.node(controlRef).filter(FrameworkNode::isControl).orElseThrow(AssessmentNotFound::new);
        String area = framework.areas().stream()
                .filter(a -> a.walk().anyMatch(n -> n == control))
                .findFirst()
                .orElseThrow()
                .ref();
        if (!access.mayOpen(area)) {
            throw new AssessmentNotFound();
        }
        if (!assessment.isDraft()) {
            throw new Assessment.AssessmentLocked();
        }
        if (input.notApplicable() && control.keyMeasure()) {
            throw new AnswerRefused("assessment.answer.keyMeasureApplies");
        }
        return answers.save(
                assessment.organisationId(), assessment.id(), controlRef, input, user.id(), clock.instant());
    }

    @Transactional
    public Scores submit(UUID id, CurrentUser user) {
        View view = view(id, user);
        if (!view.access().admin()) {
            throw new AccessDeniedException("only admins submit");
        }
        view.assessment().submit(view.scores(), user.id(), clock);
        assessments.update(view.assessment());
        return view.scores();
    }

    /** The name of the assessment's organisation, which the person is a member of (checked by the view). */
    public String organisationName(Assessment assessment, CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> o.id().value().equals(assessment.organisationId()))
                .map(be.bolwerk.organisation.OrganisationProfile::name)
                .findFirst()
                .orElseThrow(AssessmentNotFound::new);
    }

    /** The organisation's active members an area can be given to. */
    public List<be.bolwerk.identity.OrganisationMember> assignable(Assessment assessment) {
        return members.active(assessment.organisationId());
    }
}
