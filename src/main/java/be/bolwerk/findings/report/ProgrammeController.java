package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import java.time.format.DateTimeFormatter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The programme office's page of the registers: per organisation type, counts by severity and status, median days
 * to close and the share closed within the SLA. Programme officers only; no finding's text is on it.
 */
@Controller
@RequestMapping("/findings/programme")
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
class ProgrammeController {

    /** The hour and minute the figures were counted, in Belgium: they may be up to a few minutes old. */
    private static final DateTimeFormatter COMPUTED =
            DateTimeFormatter.ofPattern("HH:mm").withZone(BelgianTime.ZONE);

    private final ProgrammeFigures figures;

    ProgrammeController(ProgrammeFigures figures) {
        this.figures = figures;
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser officer, Model model) {
        ProgrammeFigures.Programme programme = figures.of(officer);
        model.addAttribute("types", programme.types());
        model.addAttribute("computedAt", COMPUTED.format(programme.computedAt()));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", FindingStatus.values());
        return "findings/programme";
    }
}
