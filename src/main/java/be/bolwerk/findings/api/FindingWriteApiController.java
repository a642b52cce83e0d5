package be.bolwerk.findings.api;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingAccess;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing findings through the API, with the rules of the pages (through {@code Raising} and {@code Handling}):
 * members and admins of an organisation write its findings by hand and change their details; a change names the
 * revision it was made on ({@code If-Match}), so that nobody overwrites what they did not see.
 */
@RestController
@RequestMapping(
        path = "/api/v1/findings",
        produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
@Tag(name = "Findings", description = "The findings register (improvement plan) of the caller's organisations")
class FindingWriteApiController {

    private final Raising raising;
    private final Handling handling;
    private final FindingAccess access;
    private final FindingStore store;
    private final Bodies bodies;

    FindingWriteApiController(
            Raising raising, Handling handling, FindingAccess access, FindingStore store, Bodies bodies) {
        this.raising = raising;
        this.handling = handling;
        this.access = access;
        this.store = store;
        this.bodies = bodies;
    }

    @PostMapping
    @Operation(
            summary = "Write a finding by hand in the register of one of the caller's organisations (not as a"
                    + " viewer); its SLA starts today",
            responses =
                    @ApiResponse(
                            responseCode = "201",
                            description = "The new finding; Location is its address, ETag its revision",
                            headers = {
                                @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string")),
                                @Header(name = HttpHeaders.ETAG, schema = @Schema(type = "string"))
                            }))
    ResponseEntity<FindingApiController.Detail> create(
            @RequestBody FindingBody body, @AuthenticationPrincipal CurrentUser user) {
        bodies.check(body);
        if (body.organisationId() == null) {
            throw bodies.missing("organisationId");
        }
        FindingId id = raising.raise(body.organisationId(), body.details(), user);
        Finding created = store.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/findings/" + id.value()))
                .eTag(Revisions.tag(created.revision()))
                .body(FindingApiController.detail(created, store));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a finding's details (not its status: that moves through the actions). Send the ETag"
                    + " you read in If-Match: without it 428, when the finding changed since 412",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The changed finding; ETag is its new revision",
                        headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = "string")))
            })
    ResponseEntity<FindingApiController.Detail> change(
            @PathVariable UUID id,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The ETag of the finding as the client read it, e.g. \"3\"",
                            required = true)
                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                    String ifMatch,
            @RequestBody FindingBody body,
            @AuthenticationPrincipal CurrentUser user) {
        FindingId finding = new FindingId(id);
        access.load(finding, user);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.revisionRequired();
        }
        bodies.check(body);
        Steps.run(handling, finding, ifMatch, user, () -> handling.change(finding, body.details(), user));
        Finding changed = store.find(finding).orElseThrow();
        return ResponseEntity.ok()
                .eTag(Revisions.tag(changed.revision()))
                .body(FindingApiController.detail(changed, store));
    }
}
