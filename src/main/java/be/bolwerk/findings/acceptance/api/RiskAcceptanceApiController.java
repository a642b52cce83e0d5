package be.bolwerk.findings.acceptance.api;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.acceptance.AcceptanceList;
import be.bolwerk.findings.acceptance.AcceptanceStatus;
import be.bolwerk.findings.acceptance.Accepting;
import be.bolwerk.findings.acceptance.RiskAcceptance;
import be.bolwerk.findings.acceptance.RiskAcceptanceStore;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk acceptances of the caller's organisations, read-only, with the rules of the pages: members of an
 * organisation read them; nobody else learns that one exists. The proof file itself is only on the page.
 */
@RestController
@RequestMapping(path = "/api/v1/findings/risk-acceptances", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
@Tag(name = "Risk acceptances", description = "Risk acceptances of findings of the caller's organisations")
class RiskAcceptanceApiController {

    private final AcceptanceList list;
    private final Accepting accepting;
    private final RiskAcceptanceStore store;

    RiskAcceptanceApiController(AcceptanceList list, Accepting accepting, RiskAcceptanceStore store) {
        this.list = list;
        this.accepting = accepting;
        this.store = store;
    }

    /** One acceptance in a list. */
    record RiskAcceptanceSummary(
            UUID id,
            UUID organisationId,
            String title,
            RiskDecision decision,
            AcceptanceStatus status,
            String owner,
            LocalDate expiresOn,
            int findings) {}

    /** A finding the acceptance covers. */
    record RiskAcceptanceFinding(UUID id, String title, Severity severity, FindingStatus status, LocalDate dueDate) {}

    /** A line of the history: the step, who took it, when, and the reason. */
    record RiskAcceptanceHistoryItem(String step, String actor, Instant at, String note) {}

    /** One acceptance with its findings and history. */
    record RiskAcceptanceDetail(
            UUID id,
            UUID organisationId,
            String title,
            RiskDecision decision,
            String compensatingMeasures,
            String decisionReference,
            UUID ownerId,
            String owner,
            LocalDate expiresOn,
            AcceptanceStatus status,
            String statusReason,
            String proposedBy,
            Instant proposedAt,
            Instant decidedAt,
            LocalDate endedOn,
            boolean hasProof,
            int revision,
            List<RiskAcceptanceFinding> findings,
            List<RiskAcceptanceHistoryItem> history) {}

    @GetMapping
    @Operation(summary = "The risk acceptances of the caller's organisations, soonest expiry first, 25 per page")
    Paged<RiskAcceptanceSummary> list(
            @Parameter(description = "Text in the title, decision reference or owner") @RequestParam(defaultValue = "")
                    String q,
            @Parameter(description = "Only acceptances in this status") @RequestParam(required = false)
                    AcceptanceStatus status,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user) {
        AcceptanceList.Search search = new AcceptanceList.Search(
                q.length() > 200 ? q.substring(0, 200) : q, status, AcceptanceList.Sort.EXPIRES, false, page);
        return list.search(search, user)
                .map(r -> new RiskAcceptanceSummary(
                        r.id().value(),
                        r.organisationId(),
                        r.title(),
                        r.decision(),
                        r.status(),
                        r.ownerName(),
                        r.expiresOn(),
                        r.findings()));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One risk acceptance with its findings and history; 404 when it does not exist or is not the"
                    + " caller's")
    RiskAcceptanceDetail get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        RiskAcceptance a = accepting.load(new RiskAcceptanceId(id), user).acceptance();
        RiskAcceptance.Terms t = a.terms();
        return new RiskAcceptanceDetail(
                a.id().value(),
                a.organisationId(),
                t.title(),
                t.decision(),
                t.measures(),
                t.reference(),
                t.ownerId(),
                t.ownerName(),
                t.expiresOn(),
                a.status(),
                a.statusReason(),
                a.proposedByName(),
                a.proposedAt(),
                a.decidedAt(),
                a.endedOn(),
                a.proof() != null,
                a.revision(),
                list.covered(a.id(), a.organisationId()).stream()
                        .map(f -> new RiskAcceptanceFinding(
                                f.id().value(), f.title(), f.severity(), f.status(), f.dueDate()))
                        .toList(),
                store.history(a.id()).stream()
                        .map(s -> new RiskAcceptanceHistoryItem(s.kind().name(), s.actorName(), s.at(), s.note()))
                        .toList());
    }
}
