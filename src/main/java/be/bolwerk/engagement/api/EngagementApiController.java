package be.bolwerk.engagement.api;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.scope.ScopeText;
import be.bolwerk.engagement.work.Engagement;
import be.bolwerk.engagement.work.EngagementList;
import be.bolwerk.engagement.work.EngagementState;
import be.bolwerk.engagement.work.Finding;
import be.bolwerk.engagement.work.Viewing;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ethical-hacking engagements, read-only, with the rules of the pages: an organisation's members see its own
 * engagements and their accepted findings; a college's supervisors and the assigned students see the findings in
 * every state; programme officers see states and counts, never the scope or a finding.
 */
@RestController
@RequestMapping(path = "/api/v1/engagements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Engagements", description = "Ethical-hacking engagements of local governments with a university college")
class EngagementApiController {

    private final EngagementList list;
    private final Viewing viewing;

    EngagementApiController(EngagementList list, Viewing viewing) {
        this.list = list;
        this.viewing = viewing;
    }

    /** One engagement in a list. */
    record Summary(
            UUID id,
            UUID organisationId,
            String organisation,
            String title,
            String college,
            EngagementState state,
            Instant requestedAt,
            long acceptedFindings) {

        static Summary of(EngagementList.Row row) {
            return new Summary(
                    row.id().value(),
                    row.organisationId(),
                    row.organisation(),
                    row.title(),
                    row.college(),
                    row.state(),
                    row.requestedAt(),
                    row.acceptedFindings());
        }
    }

    /** The signature of the rules of engagement: who, when, the hash of the signed text, and whether it still holds. */
    record Signature(String signedBy, Instant signedAt, String sha256, boolean valid) {}

    /** A finding as the caller may see it. */
    record FindingItem(
            UUID id,
            String title,
            Finding.Severity severity,
            String description,
            Finding.State state,
            Instant reportedAt) {}

    /**
     * One engagement. {@code rulesText}, {@code signature} and {@code findings} are for the parties to it; a
     * programme officer gets them empty and only the counts.
     */
    record Detail(
            UUID id,
            UUID organisationId,
            String organisation,
            String title,
            String college,
            EngagementState state,
            Instant requestedAt,
            String rulesText,
            String rulesSha256,
            Signature signature,
            LocalDate evidenceDeleteOn,
            long acceptedFindings,
            long awaitingReview,
            List<FindingItem> findings) {}

    @GetMapping
    @Operation(summary = "The engagements the caller may see, newest first, one page of 25 at a time")
    Paged<Summary> list(
            @Parameter(description = "Only engagements in this state") @RequestParam(required = false)
                    EngagementState state,
            @Parameter(description = "Text in the title or the organisation's name") @RequestParam(defaultValue = "")
                    String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user) {
        return list.page(user, state, q, page).map(Summary::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One engagement; 404 when it does not exist or the caller may not see it")
    Detail get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Viewing.View view = viewing.view(new EngagementId(id), user);
        Engagement e = view.engagement();
        boolean party = view.access().seesScope();
        List<Finding> all = view.findings();
        return new Detail(
                e.id().value(),
                e.organisationId(),
                e.organisationName(),
                e.title(),
                e.college(),
                e.state(),
                e.requestedAt(),
                party ? e.canonicalText() : null,
                party ? ScopeText.sha256(e.canonicalText()) : null,
                party && e.signature() != null
                        ? new Signature(
                                e.signature().signerName(),
                                e.signature().at(),
                                e.signature().sha256(),
                                e.signatureValid())
                        : null,
                e.evidenceDeleteOn(),
                all.stream().filter(f -> f.state() == Finding.State.ACCEPTED).count(),
                view.access().organisationMember() && !view.access().seesAllFindings()
                        ? 0
                        : all.stream()
                                .filter(f -> f.state() == Finding.State.SUBMITTED)
                                .count(),
                view.access().seesAcceptedFindings()
                        ? all.stream()
                                .map(f -> new FindingItem(
                                        f.id(), f.title(), f.severity(), f.description(), f.state(), f.reportedAt()))
                                .toList()
                        : List.of());
    }
}
