package be.bolwerk.findings.imports;

import be.bolwerk.findings.intake.DateOrder;
import be.bolwerk.findings.register.Access;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A scanner's file in one call, for an organisation's own tooling with a personal API token of write scope (a
 * read-only token is refused before this runs) or for a signed-in member: the whole file in one transaction, 201
 * with what it created and updated, or 422 with every wrong row and nothing stored.
 */
@RestController
@RequestMapping(path = "/api/v1/findings/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER')")
@Tag(name = "Findings", description = "The findings register (improvement plan) of the caller's organisations")
class ImportApiController {

    private final Importing importing;
    private final MessageSource messages;

    ImportApiController(Importing importing, MessageSource messages) {
        this.importing = importing;
        this.messages = messages;
    }

    /** What one import did. */
    record Summary(UUID importId, UUID organisationId, int created, int updated) {}

    /** One wrong row of a refused file: where it starts, the column or property at fault, and why. */
    record RowProblem(int line, String field, String reason) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a generic findings CSV or a SARIF 2.1.0 log into one of the caller's organisations",
            description = "All or nothing: a file with any wrong row stores nothing and answers 422 with every row"
                    + " (line, field, reason). A finding seen before (same external id, CVE on the same system or"
                    + " SARIF fingerprint) is updated instead of added again; resolved ones are reopened.")
    @ApiResponse(responseCode = "201", description = "Imported")
    @ApiResponse(
            responseCode = "409",
            description = "Refused: an owner left the organisation, or another import added the same findings at once;"
                    + " nothing was stored",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(
            responseCode = "422",
            description = "The file or some of its rows cannot be imported (the rows in errors[]: line, field,"
                    + " reason); nothing was stored",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    ResponseEntity<Summary> upload(
            @Parameter(description = "The file: a CSV with a Title column, or a SARIF 2.1.0 log") @RequestParam
                    MultipartFile file,
            @Parameter(description = "csv or sarif") @RequestParam String format,
            @Parameter(description = "How CSV dates like 05/06/2021 are written: DAY_MONTH, MONTH_DAY or FROM_FILE")
                    @RequestParam(required = false)
                    DateOrder dateOrder,
            @Parameter(description = "The organisation; needed only when the caller writes findings for several")
                    @RequestParam(required = false)
                    UUID organisationId,
            @AuthenticationPrincipal CurrentUser user) {
        FindingImport.Format kind = format(format);
        UUID organisation = organisationId != null ? organisationId : onlyOrganisation(user);
        Importing.Outcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = importing.importAtOnce(organisation, kind, dateOrder, file.getOriginalFilename(), in, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create("/findings/import/" + outcome.id()))
                .body(new Summary(outcome.id().value(), organisation, outcome.created(), outcome.updated()));
    }

    @ExceptionHandler(Importing.FileRefused.class)
    ResponseEntity<ProblemDetail> refused(Importing.FileRefused refused) {
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("api.problem.422", null, locale),
                messages.getMessage(
                        "findings.import.rowErrors",
                        new Object[] {refused.errors().size()},
                        locale));
        List<RowProblem> rows = refused.errors().stream()
                .map(e -> new RowProblem(
                        e.line(),
                        e.field(),
                        messages.getMessage(e.messageKey(), e.arguments().toArray(), locale)))
                .toList();
        problem.setProperty("errors", rows);
        return ResponseEntity.unprocessableContent()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static FindingImport.Format format(String format) {
        for (FindingImport.Format known : FindingImport.Format.values()) {
            if (known.name().equalsIgnoreCase(format == null ? "" : format.strip())) {
                return known;
            }
        }
        throw Refusal.invalid("findings.import.formatUnknown");
    }

    /** The one organisation where the caller writes findings; with several, the caller must name one. */
    private static UUID onlyOrganisation(CurrentUser user) {
        List<UUID> writable = user.memberships().entrySet().stream()
                .filter(e -> new Access(e.getValue()).mayWork())
                .map(java.util.Map.Entry::getKey)
                .toList();
        if (writable.size() != 1) {
            throw Refusal.invalid("findings.import.organisationRequired");
        }
        return writable.get(0);
    }
}
