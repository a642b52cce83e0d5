package be.bolwerk.findings.api;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingAccess;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The findings register, read-only, with the rules of the pages: a member of an organisation reads its findings;
 * nobody else learns that one exists (the programme office, auditors and students are refused). Writing is in
 * {@link FindingWriteApiController} and {@link FindingActionApiController}.
 */
@RestController
@RequestMapping(path = "/api/v1/findings", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
@Tag(name = "Findings", description = "The findings register (improvement plan) of the caller's organisations")
class FindingApiController {

    private final FindingList list;
    private final FindingAccess access;
    private final FindingStore store;

    FindingApiController(FindingList list, FindingAccess access, FindingStore store) {
        this.list = list;
        this.access = access;
        this.store = store;
    }

    /** One finding in a list. */
    record Summary(
            UUID id,
            UUID organisationId,
            String title,
            Severity severity,
            FindingStatus status,
            FindingSource source,
            String affectedSystem,
            String owner,
            LocalDate dueDate,
            boolean overdue) {

        static Summary of(FindingList.Row row) {
            return new Summary(
                    row.id().value(),
                    row.organisationId(),
                    row.title(),
                    row.severity(),
                    row.status(),
                    row.source(),
                    row.affectedSystem(),
                    row.ownerName(),
                    row.dueDate(),
                    row.overdue());
        }
    }

    /** A line of the history: the step, who took it, when, and the reason or note. */
    record HistoryItem(String step, String actor, Instant at, String note) {}

    /** A retest of the fix. */
    record RetestItem(LocalDate testedOn, String tester, RetestResult result, String note) {}

    /** One finding with its history and retests. */
    record Detail(
            UUID id,
            UUID organisationId,
            String title,
            String description,
            FindingSource source,
            UUID sourceId,
            String sourceLink,
            Severity severity,
            String cvssVector,
            BigDecimal cvssScore,
            String affectedSystem,
            String recommendation,
            UUID ownerId,
            String owner,
            LocalDate slaStart,
            LocalDate dueDate,
            LocalDate plannedOn,
            Effort effort,
            String controlRef,
            boolean knownExploited,
            String externalId,
            FindingStatus status,
            UUID duplicateOf,
            String statusReason,
            Instant createdAt,
            int revision,
            List<HistoryItem> history,
            List<RetestItem> retests) {}

    @GetMapping
    @Operation(summary = "The findings of the caller's organisations, soonest due first, one page of 25 at a time")
    Paged<Summary> list(
            @Parameter(description = "Text in the title, affected system, external id or control reference")
                    @RequestParam(defaultValue = "")
                    String q,
            @Parameter(description = "Only findings in this status") @RequestParam(required = false)
                    FindingStatus status,
            @Parameter(description = "Only findings of this severity") @RequestParam(required = false)
                    Severity severity,
            @Parameter(description = "Only findings from this source") @RequestParam(required = false)
                    FindingSource source,
            @Parameter(description = "Only open findings past their due date (OVERDUE) or due within 30 days (SOON)")
                    @RequestParam(required = false)
                    FindingList.Due due,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user) {
        FindingList.Search search = new FindingList.Search(
                q.length() > 200 ? q.substring(0, 200) : q,
                status,
                severity,
                source,
                null,
                due,
                FindingList.Sort.DUE,
                false,
                page);
        return list.search(search, user).map(Summary::of);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One finding with its history and retests; 404 when it does not exist or is not the caller's."
                    + " Its ETag is the revision, to send back in If-Match when writing")
    ResponseEntity<Detail> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Finding f = access.load(new FindingId(id), user).finding();
        return ResponseEntity.ok().eTag(Revisions.tag(f.revision())).body(detail(f, store));
    }

    /** The finding as the API shows it, with its history and retests. */
    static Detail detail(Finding f, FindingStore store) {
        Finding.Details d = f.details();
        return new Detail(
                f.id().value(),
                f.organisationId(),
                d.title(),
                d.description(),
                f.origin().source(),
                f.origin().sourceId(),
                f.origin().link(),
                d.severity(),
                f.cvssVector(),
                f.cvssScore(),
                d.affectedSystem(),
                d.recommendation(),
                f.ownerId(),
                f.ownerName(),
                f.slaStart(),
                f.dueDate(),
                d.plannedOn(),
                d.effort(),
                d.controlRef(),
                d.knownExploited(),
                d.externalId(),
                f.status(),
                f.duplicateOf() == null ? null : f.duplicateOf().value(),
                f.statusReason(),
                f.createdAt(),
                f.revision(),
                store.history(f.id()).stream()
                        .map(s -> new HistoryItem(s.kind().name(), s.actorName(), s.at(), s.note()))
                        .toList(),
                store.retests(f.id()).stream()
                        .map(r -> new RetestItem(r.testedOn(), r.tester(), r.result(), r.note()))
                        .toList());
    }
}
