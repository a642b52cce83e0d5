package be.bolwerk.incident.api;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.incident.intake.IncidentList;
import be.bolwerk.incident.intake.Reporting;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incidents through the API, with the rules of the pages: the organisation's people report for it (any role) and
 * read its incidents, CRT analysts read all open ones. A report needs an {@code Idempotency-Key} (a UUID the client
 * makes once per report): sent again with the same key, it answers the incident the first request made (200)
 * instead of making a second one (201).
 */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('CRT_ANALYST', 'ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
@Tag(name = "Incidents", description = "Incidents reported to the Cyber Response Team (CRT)")
class IncidentApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String KEY_REQUIRED = "incident.api.idempotencyKey";

    private final Reporting reporting;
    private final IncidentAccess access;
    private final IncidentList list;
    private final MessageSource messages;

    IncidentApiController(Reporting reporting, IncidentAccess access, IncidentList list, MessageSource messages) {
        this.reporting = reporting;
        this.access = access;
        this.list = list;
        this.messages = messages;
    }

    /** One incident as the API shows it: the report as sent and where its handling stands. */
    record Detail(
            UUID id,
            String reference,
            UUID organisationId,
            ReportChannel channel,
            String reporterName,
            Instant reportedAt,
            IncidentStatus status,
            IncidentSeverity severity,
            IncidentCategory category,
            Tlp tlp,
            Report report) {

        static Detail of(Incident incident) {
            return new Detail(
                    incident.id().value(),
                    incident.reference(),
                    incident.organisationId(),
                    incident.reported().channel(),
                    incident.reported().reporter().name(),
                    incident.reported().reportedAt(),
                    incident.status(),
                    incident.severity(),
                    incident.category(),
                    incident.tlp(),
                    incident.report());
        }
    }

    /** One page of incidents. */
    record Page(List<IncidentList.Row> items, int page, int size, long total) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report an incident for one of the caller's organisations (any role may). Send a fresh UUID"
                    + " as Idempotency-Key; the same key again answers the incident it made, with 200",
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "The new incident; Location is its address",
                        headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string"))),
                @ApiResponse(responseCode = "200", description = "The incident this key reported before")
            })
    ResponseEntity<Detail> report(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "A UUID made once per report, e.g. 3f1c0a52-8d2e-4b7a-9e61-0c5d2f4a7b19",
                            required = true)
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            @Valid @RequestBody IncidentBody body,
            @AuthenticationPrincipal CurrentUser user) {
        UUID key = key(idempotencyKey);
        IncidentStore.Stored stored =
                reporting.report(body.organisationId(), body.report(), ReportChannel.API, key, user);
        Incident incident = stored.incident();
        if (!stored.created()) {
            return ResponseEntity.ok(Detail.of(incident));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/incidents/" + incident.id()))
                .body(Detail.of(incident));
    }

    @GetMapping
    @Operation(
            summary = "The incidents the caller may see, 25 a page: the organisation's people their organisations'"
                    + " incidents (newest first), CRT analysts the open incidents (untriaged first)")
    Page list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
        boolean crt = user.has(Persona.CRT_ANALYST);
        IncidentList.Search search = new IncidentList.Search(
                crt, null, null, null, "", crt ? IncidentList.Sort.QUEUE : IncidentList.Sort.REPORTED, true, page);
        Paged<IncidentList.Row> found = list.search(search, user);
        return new Page(found.items(), found.page(), found.size(), found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One incident with its report as sent; 404 when it is not the caller's to see")
    Detail show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return Detail.of(access.load(new IncidentId(id), user).incident());
    }

    /** The key as a UUID; missing or malformed is a malformed request (400 problem+json), not a refused report. */
    private UUID key(String header) {
        String text = header == null ? "" : header.strip();
        try {
            UUID key = UUID.fromString(text);
            if (key.toString().equalsIgnoreCase(text)) {
                return key;
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage(KEY_REQUIRED, null, LocaleContextHolder.getLocale()));
        throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
