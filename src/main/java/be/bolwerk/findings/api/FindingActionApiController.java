package be.bolwerk.findings.api;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingAccess;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A finding's status moves through actions, never through a status field: each is one step of {@code Handling},
 * with its roles (members and admins move the work, admins decide and retest) and the finding's own rule. A step the
 * status does not allow, also the same step sent twice, is a 409 with the rule's sentence and leaves no second
 * history line. If-Match (the ETag read) is optional; with it, a finding that moved on is a 412.
 */
@RestController
@RequestMapping(
        path = "/api/v1/findings/{id}/actions",
        produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
@Tag(name = "Findings", description = "The findings register (improvement plan) of the caller's organisations")
class FindingActionApiController {

    private static final String RETEST_REPEATED = "findings.api.retestRepeated";
    private static final String IF_MATCH =
            "Optional: the ETag read, e.g. \"3\"; the action is refused with 412 when the finding changed since";

    private final Handling handling;
    private final FindingAccess access;
    private final FindingStore store;
    private final Bodies bodies;

    FindingActionApiController(Handling handling, FindingAccess access, FindingStore store, Bodies bodies) {
        this.handling = handling;
        this.access = access;
        this.store = store;
        this.bodies = bodies;
    }

    @PostMapping("/confirm")
    @Operation(summary = "New → confirmed (members and admins)")
    ResponseEntity<FindingApiController.Detail> confirm(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody(required = false) ActionBodies.Empty body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, null, user, f -> handling.confirm(f, user));
    }

    @PostMapping("/start-work")
    @Operation(summary = "Confirmed or reopened → in progress (members and admins)")
    ResponseEntity<FindingApiController.Detail> startWork(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody(required = false) ActionBodies.Empty body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, null, user, f -> handling.startWork(f, user));
    }

    @PostMapping("/resolve")
    @Operation(summary = "Confirmed, in progress or reopened → resolved, with an optional note (members and admins)")
    ResponseEntity<FindingApiController.Detail> resolve(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody(required = false) ActionBodies.Resolve body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> handling.resolve(f, body == null ? null : body.note(), user));
    }

    @PostMapping("/retest")
    @Operation(
            summary = "Record a retest (admins): fixed verifies the fix, not fixed reopens, partially fixed keeps it"
                    + " open with the note; the same retest twice is refused")
    ResponseEntity<FindingApiController.Detail> retest(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionBodies.Retest body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> {
            if (store.retests(f).stream()
                    .anyMatch(r -> r.testedOn().equals(body.testedOn())
                            && r.tester().equals(body.tester().strip())
                            && r.result() == body.result()
                            && Objects.equals(r.note(), blankToNull(body.note())))) {
                throw Refusal.conflict(RETEST_REPEATED);
            }
            handling.retest(f, body.testedOn(), body.tester(), body.result(), body.note(), user);
        });
    }

    @PostMapping("/reopen")
    @Operation(summary = "Resolved, verified or closed → reopened with the reason, due date kept (admins)")
    ResponseEntity<FindingApiController.Detail> reopen(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionBodies.Reason body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> handling.reopen(f, body.reason(), user));
    }

    @PostMapping("/assign")
    @Operation(summary = "Give the finding to an active member of its organisation, who is mailed (admins)")
    ResponseEntity<FindingApiController.Detail> assign(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionBodies.Assign body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> handling.assign(f, body.ownerId(), user));
    }

    @PostMapping("/mark-duplicate")
    @Operation(summary = "Close an open finding as the same as another of its organisation (admins)")
    ResponseEntity<FindingApiController.Detail> markDuplicate(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionBodies.Duplicate body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> handling.markDuplicate(f, new FindingId(body.originalId()), user));
    }

    @PostMapping("/mark-false-positive")
    @Operation(summary = "Close an open finding as a false positive, with the reason (admins)")
    ResponseEntity<FindingApiController.Detail> markFalsePositive(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionBodies.Reason body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> handling.markFalsePositive(f, body.reason(), user));
    }

    @PostMapping("/mark-out-of-scope")
    @Operation(summary = "Close an open finding as out of scope, with the reason (admins)")
    ResponseEntity<FindingApiController.Detail> markOutOfScope(
            @PathVariable UUID id,
            @Parameter(description = IF_MATCH) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody ActionBodies.Reason body,
            @AuthenticationPrincipal CurrentUser user) {
        return act(id, ifMatch, body, user, f -> handling.markOutOfScope(f, body.reason(), user));
    }

    /** The finding's id, loaded first (another organisation's is a 404 whatever the body says). */
    private interface Action {
        void on(FindingId finding);
    }

    private ResponseEntity<FindingApiController.Detail> act(
            UUID id, String ifMatch, Object body, CurrentUser user, Action action) {
        FindingId finding = new FindingId(id);
        access.load(finding, user);
        if (body != null) {
            bodies.check(body);
        }
        Steps.run(handling, finding, ifMatch, user, () -> action.on(finding));
        Finding now = store.find(finding).orElseThrow();
        return ResponseEntity.ok().eTag(Revisions.tag(now.revision())).body(FindingApiController.detail(now, store));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
