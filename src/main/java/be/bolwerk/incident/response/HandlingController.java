package be.bolwerk.incident.response;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.handling.IncidentStep;
import be.bolwerk.incident.handling.Responding;
import be.bolwerk.incident.playbook.IncidentTask;
import be.bolwerk.incident.playbook.Tasks;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.HistoryRow;
import be.bolwerk.shared.web.Refusals;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handling page of one incident: for the CRT the triage form, the steps the status allows and the playbook
 * tasks; for the organisation's people the same, read-only (their own side's tasks they tick). Every request loads
 * the incident through {@link IncidentPages} (404 when not theirs); the use cases decide who may act (403).
 */
@Controller
@RequestMapping("/incidents/{id}/handling")
class HandlingController {

    static final String CONFIRM_REQUIRED = "incident.rule.confirmRequired";
    static final String TOO_LONG = "incident.rule.tooLong";
    private static final int MAX_TEXT = 4000;

    /** The status steps as the address names them, with the step kind the page and history use. */
    private static final Map<String, IncidentStep.Kind> STEPS = Map.of(
            "contain", IncidentStep.Kind.CONTAINED,
            "eradicate", IncidentStep.Kind.ERADICATED,
            "recover", IncidentStep.Kind.RECOVERED,
            "close", IncidentStep.Kind.CLOSED,
            "dismiss", IncidentStep.Kind.DISMISSED,
            "merge", IncidentStep.Kind.MERGED,
            "hold", IncidentStep.Kind.PUT_ON_HOLD,
            "resume", IncidentStep.Kind.RESUMED,
            "reopen", IncidentStep.Kind.REOPENED);

    /** The other way round, for the page's forms. */
    private static final Map<String, String> PATHS = STEPS.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(
                    e -> e.getValue().name(), Map.Entry::getKey));

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** The final steps: the page asks to confirm them, since they end the response. */
    private static final Set<String> CONFIRMED = Set.of("close", "dismiss", "merge");

    /** Which triage field a refusal belongs to; any other refusal is about the whole form. */
    private static final Map<String, String> TRIAGE_FIELDS = Map.of(
            Incident.SEVERITY_REQUIRED, "severity",
            Incident.CATEGORY_REQUIRED, "category",
            Incident.LEAD_REQUIRED, "leadAnalyst",
            Responding.LEAD_NOT_ANALYST, "leadAnalyst",
            Incident.TLP_REQUIRED, "tlp");

    /** A task as the page shows it: whether it is late, and whether this reader may tick it. */
    public record TaskView(IncidentTask task, boolean overdue, boolean mayTick) {}

    private final IncidentPages pages;
    private final Responding responding;
    private final Tasks tasks;
    private final Clock clock;

    HandlingController(IncidentPages pages, Responding responding, Tasks tasks, Clock clock) {
        this.pages = pages;
        this.responding = responding;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        IncidentId incidentId = new IncidentId(id);
        IncidentPages.Page page = pages.load(incidentId, user);
        Incident incident = page.incident();
        Instant now = clock.instant();
        model.addAttribute("head", page.header());
        model.addAttribute("incident", incident);
        model.addAttribute("access", page.access());
        model.addAttribute("revision", incident.revision());
        model.addAttribute(
                "history",
                responding.history(incidentId, user).stream()
                        .map(HandlingController::row)
                        .toList());
        model.addAttribute(
                "tasks",
                tasks.of(incidentId, user).stream()
                        .map(t -> new TaskView(t, t.overdueAt(now), Tasks.mayTick(page.access(), t)))
                        .toList());
        if (page.access().mayHandle()) {
            Set<IncidentStep.Kind> allowed = incident.allowedSteps();
            model.addAttribute("allowed", allowed.stream().map(Enum::name).toList());
            model.addAttribute("stepPaths", PATHS);
            model.addAttribute("analysts", responding.analysts());
            model.addAttribute("severities", IncidentSeverity.values());
            model.addAttribute("categories", IncidentCategory.values());
            model.addAttribute("tlps", Tlp.values());
            if (!model.containsAttribute("triageForm")) {
                model.addAttribute("triageForm", TriageForm.of(incident));
            }
            if (!model.containsAttribute("stepForm")) {
                model.addAttribute("stepForm", StepForm.EMPTY);
            }
            List<IncidentCategory> applied = tasks.applied(incidentId, user);
            model.addAttribute(
                    "offerPlaybook",
                    incident.category() != null
                            && incident.status().isOpen()
                            && incident.status() != IncidentStatus.REPORTED
                            && !applied.contains(incident.category()));
        }
        return "incident/handling";
    }

    /** Triage of a reported incident, or a later reclassification: the same form, the status decides which. */
    @PostMapping({"/triage", "/reclassify"})
    String triage(
            @PathVariable UUID id,
            @ModelAttribute("triageForm") TriageForm form,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        IncidentId incidentId = new IncidentId(id);
        Incident incident = pages.load(incidentId, user).incident();
        try {
            if (incident.status() == IncidentStatus.REPORTED) {
                responding.triage(incidentId, form.revisionNumber(), form.classification(), user);
                redirect.addFlashAttribute("notice", "incident.handling.triaged");
            } else {
                responding.reclassify(incidentId, form.revisionNumber(), form.classification(), user);
                redirect.addFlashAttribute("notice", "incident.handling.reclassified");
            }
            return "redirect:/incidents/" + id + "/handling";
        } catch (Refusal refused) {
            BindingResult binding = new BeanPropertyBindingResult(form, "triageForm");
            String field = TRIAGE_FIELDS.get(refused.messageKey());
            if (field == null) {
                Refusals.reject(binding, refused);
            } else {
                Refusals.reject(binding, field, refused);
            }
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.triageForm", binding);
            redirect.addFlashAttribute("triageForm", form);
            return "redirect:/incidents/" + id + "/handling#triage";
        }
    }

    @PostMapping("/steps/{step}")
    String step(
            @PathVariable UUID id,
            @PathVariable String step,
            @ModelAttribute("stepForm") StepForm form,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        IncidentId incidentId = new IncidentId(id);
        pages.load(incidentId, user);
        IncidentStep.Kind kind = STEPS.get(step);
        if (kind == null) {
            throw new UnknownStep();
        }
        try {
            if (CONFIRMED.contains(step) && !form.isConfirmed()) {
                throw Refusal.invalid(CONFIRM_REQUIRED);
            }
            take(step, incidentId, form, user);
            redirect.addFlashAttribute("notice", "incident.handling.done." + kind);
            return "redirect:/incidents/" + id + "/handling";
        } catch (Refusal refused) {
            redirect.addFlashAttribute("stepForm", form);
            redirect.addFlashAttribute("stepName", kind.name());
            redirect.addFlashAttribute("stepProblem", refused.messageKey());
            redirect.addFlashAttribute("stepProblemArguments", refused.arguments());
            return "redirect:/incidents/" + id + "/handling#step-" + kind;
        }
    }

    private void take(String step, IncidentId id, StepForm form, CurrentUser user) {
        int revision = form.revisionNumber();
        switch (step) {
            case "contain" -> responding.contain(id, revision, user);
            case "eradicate" -> responding.eradicate(id, revision, user);
            case "recover" -> responding.recover(id, revision, user);
            case "close" -> responding.close(id, revision, limit(form.outcome()), limit(form.impact()), user);
            case "dismiss" -> responding.dismiss(id, revision, limit(form.reason()), user);
            case "merge" -> responding.merge(id, revision, limit(form.target()), limit(form.reason()), user);
            case "hold" -> responding.putOnHold(id, revision, limit(form.reason()), user);
            case "resume" -> responding.resume(id, revision, user);
            case "reopen" -> responding.reopen(id, revision, limit(form.reason()), user);
            default -> throw new UnknownStep();
        }
    }

    /** A history line in Brussels time; a status move names the status it came from. */
    private static HistoryRow row(IncidentStep step) {
        return new HistoryRow(
                MOMENT.format(step.at().atZone(BelgianTime.ZONE)),
                "incident.step." + step.kind(),
                step.actorName(),
                step.reason() == null ? "" : step.reason());
    }

    /** A longer text is refused rather than cut, so nobody loses the end of what they wrote without knowing. */
    private static String limit(String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw Refusal.invalid(TOO_LONG, MAX_TEXT);
        }
        return text;
    }

    /** A step the address names that does not exist: 404 like any unknown page. */
    static final class UnknownStep extends NotFound {
        UnknownStep() {
            super("No such step");
        }
    }
}
