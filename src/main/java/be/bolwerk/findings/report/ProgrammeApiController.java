package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programme view of the findings registers as JSON: numbers per organisation type, never a finding's text. */
@RestController
@RequestMapping(path = "/api/v1/findings/programme", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
@Tag(name = "Findings programme view", description = "Counts of the findings registers per organisation type")
class ProgrammeApiController {

    private final ProgrammeFigures figures;

    ProgrammeApiController(ProgrammeFigures figures) {
        this.figures = figures;
    }

    /** One organisation type: how many organisations, their findings by severity and by status, and closing. */
    record TypeSummary(
            OrganisationType type,
            int organisations,
            long findings,
            Map<Severity, Long> bySeverity,
            Map<FindingStatus, Long> byStatus,
            long closed,
            long closedWithinSla,
            Integer percentWithinSla,
            BigDecimal medianDaysToClose,

            @Schema(
                    description = "When these figures were counted: they are kept for a minute and recounted in the"
                            + " background, so they may be a few minutes old")
            Instant computedAt) {

        static TypeSummary of(ProgrammeFigures.TypeFigures t, Instant computedAt) {
            return new TypeSummary(
                    t.type(),
                    t.organisations(),
                    t.total(),
                    t.bySeverity(),
                    t.byStatus(),
                    t.withinSla().closed(),
                    t.withinSla().within(),
                    t.withinSla().percent(),
                    t.medianDays(),
                    computedAt);
        }
    }

    @GetMapping
    @Operation(
            summary = "Findings per organisation type",
            description = "Programme officers only. Per organisation type the officer sees: counts by severity and"
                    + " status, how many closed (fix verified, duplicate, false positive, out of scope) and how many"
                    + " of those on or before their due date, and the median whole days from arrival to closing."
                    + " No finding's title or text. The figures are counted at most once a minute (computedAt says"
                    + " when).")
    List<TypeSummary> programme(@AuthenticationPrincipal CurrentUser officer) {
        ProgrammeFigures.Programme programme = figures.of(officer);
        return programme.types().stream()
                .map(t -> TypeSummary.of(t, programme.computedAt()))
                .toList();
    }
}
