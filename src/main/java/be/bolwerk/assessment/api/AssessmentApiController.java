package be.bolwerk.assessment.api;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.AnswerStore;
import be.bolwerk.assessment.evaluation.Answering;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-evaluations for API clients, with exactly the pages' rules: the caller's organisations only, answers of
 * the areas the caller may open, the same idempotent save with revisions (a conflict answers 409).
 */
@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assessments", description = "Self-evaluations of the caller's organisations and their answers")
class AssessmentApiController {

    public record Summary(
            UUID id,
            UUID organisationId,
            UUID frameworkVersionId,
            int year,
            String status,
            Instant startedAt,
            Instant submittedAt) {}

    public record AnswerDocument(
            String controlRef,
            Integer documentation,
            Integer implementation,
            boolean notApplicable,
            String justification,
            String comment,
            int revision,
            boolean complete) {

        static AnswerDocument of(Answer answer) {
            return new AnswerDocument(
                    answer.controlRef(),
                    answer.documentation(),
                    answer.implementation(),
                    answer.notApplicable(),
                    answer.justification(),
                    answer.comment(),
                    answer.revision(),
                    answer.complete());
        }
    }

    public record Document(
            UUID id,
            UUID organisationId,
            UUID frameworkVersionId,
            int year,
            String status,
            BigDecimal total,
            boolean targetReached,
            Map<String, BigDecimal> areaScores,
            int answered,
            int controls,
            List<AnswerDocument> answers) {}

    /** One control's answer: both maturities (0–5), or not applicable with a justification. */
    public record AnswerRequest(
            @Min(0) @Max(5) Integer documentation,
            @Min(0) @Max(5) Integer implementation,
            Boolean notApplicable,
            @Size(max = Answer.JUSTIFICATION_MAX) String justification,
            @Size(max = Answer.COMMENT_MAX) String comment,
            @Min(1) Integer revision) {

        AnswerInput input() {
            boolean na = Boolean.TRUE.equals(notApplicable);
            return new AnswerInput(
                    na ? null : documentation,
                    na ? null : implementation,
                    na,
                    justification == null || justification.isBlank() ? null : justification.strip(),
                    comment == null || comment.isBlank() ? null : comment.strip(),
                    revision);
        }
    }

    public record Saved(String outcome, AnswerDocument answer) {}

    private final Evaluations evaluations;
    private final Answering answering;
    private final AssessmentStore assessments;
    private final OrganisationDirectory organisations;

    AssessmentApiController(
            Evaluations evaluations,
            Answering answering,
            AssessmentStore assessments,
            OrganisationDirectory organisations) {
        this.evaluations = evaluations;
        this.answering = answering;
        this.assessments = assessments;
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "The self-evaluations of the caller's organisations, newest year first")
    List<Summary> list(@AuthenticationPrincipal CurrentUser user) {
        List<UUID> mine =
                organisations.memberOf(user).stream().map(o -> o.id().value()).toList();
        return assessments.ofOrganisations(mine).stream()
                .map(r -> new Summary(
                        r.id(),
                        r.organisationId(),
                        r.frameworkVersionId(),
                        r.year(),
                        r.status().name(),
                        r.startedAt(),
                        r.submittedAt()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One self-evaluation with its scores and the answers of the areas the caller may open")
    Document get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        SelfEvaluation view = evaluations.view(id, user);
        List<AnswerDocument> answers = view.answers().values().stream()
                .filter(a -> view.mayOpenControl(a.controlRef()))
                .map(AnswerDocument::of)
                .toList();
        Assessment a = view.assessment();
        return new Document(
                a.id(),
                a.organisationId(),
                a.frameworkVersionId(),
                a.year(),
                a.status().name(),
                view.scores().total(),
                view.scores().targetReached(),
                view.scores().areaScores(),
                view.scores().overall().answered(),
                view.scores().overall().total(),
                answers);
    }

    @PutMapping(path = "/{id}/answers/{ref}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Save one control's answer; the same answer again changes nothing; an older revision is"
                    + " refused with 409")
    Saved answer(
            @PathVariable UUID id,
            @PathVariable String ref,
            @Valid @RequestBody AnswerRequest request,
            @AuthenticationPrincipal CurrentUser user) {
        AnswerStore.Saved saved = answering.answer(id, ref, request.input(), user);
        if (saved.outcome() == AnswerStore.Outcome.CONFLICT) {
            throw Refusal.conflict("assessment.answer.conflict");
        }
        return new Saved(saved.outcome().name(), AnswerDocument.of(saved.answer()));
    }
}
