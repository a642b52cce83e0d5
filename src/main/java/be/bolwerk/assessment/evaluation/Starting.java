package be.bolwerk.assessment.evaluation;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting a self-evaluation, with last year's answers carried over: each marked "to confirm" until someone
 * confirms or changes it, their evidence following by reference ({@link AnswersCarriedOver}).
 */
@Service
public class Starting {

    private final AssessmentStore assessments;
    private final AnswerStore answers;
    private final Frameworks frameworks;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Starting(
            AssessmentStore assessments,
            AnswerStore answers,
            Frameworks frameworks,
            Clock clock,
            ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.answers = answers;
        this.frameworks = frameworks;
        this.clock = clock;
        this.events = events;
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
        frameworks.forNewEvaluation(framework.id()); // drafts do not exist here, retired versions start nothing
        List<UUID> sameFramework = frameworks.all().stream()
                .filter(f -> f.code().equals(framework.code()))
                .map(FrameworkSummary::id)
                .map(FrameworkVersionId::value)
                .toList();
        Optional<AssessmentStore.Row> previous = assessments.latestSubmitted(organisationId, sameFramework);
        Assessment assessment = Assessment.start(
                organisationId, frameworkVersionId, year, previous.map(AssessmentStore.Row::id), user.id(), clock);
        assessments.insert(assessment);
        if (previous.isPresent()) {
            Map<String, String> refs = new LinkedHashMap<>();
            Map<String, Answer> carried = carriedOver(
                    framework,
                    previous.get(),
                    answers.of(organisationId, previous.get().id()),
                    refs);
            answers.copy(organisationId, assessment.id(), carried, user.id(), clock.instant());
            events.publishEvent(
                    new AnswersCarriedOver(organisationId, previous.get().id(), assessment.id(), refs));
        }
        return assessment.id();
    }

    /**
     * Last year's answers under this version's refs; controls that no longer exist are left behind. Fills
     * {@code refs} with old ref → new ref of each answer carried.
     */
    private Map<String, Answer> carriedOver(
            Framework framework, AssessmentStore.Row previous, Map<String, Answer> old, Map<String, String> refs) {
        Framework before = frameworks.get(FrameworkVersionId.of(previous.frameworkVersionId()));
        boolean mapped = framework.mappedFrom() != null
                && framework.mappedFrom().equals(before.version())
                && !framework.mapping().isEmpty();
        Map<String, Answer> carried = new LinkedHashMap<>();
        for (Answer answer : old.values()) {
            String ref = mapped
                    ? framework.mapping().getOrDefault(answer.controlRef(), answer.controlRef())
                    : answer.controlRef();
            Optional<FrameworkNode> control = framework.node(ref);
            if (control.isPresent() && Answer.fits(control.get(), answer.notApplicable())) {
                carried.put(ref, answer.carriedTo(ref));
                refs.put(answer.controlRef(), ref);
            }
        }
        return carried;
    }
}
