package be.bolwerk.assessment.web;

import be.bolwerk.assessment.document.PdfReport;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.assessment.improvement.ActionPlanning;
import be.bolwerk.assessment.scoring.RadarLabels;
import be.bolwerk.assessment.scoring.Results;
import be.bolwerk.assessment.scoring.ResultsQuery;
import be.bolwerk.assessment.scoring.Spread;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a self-evaluation shows: the results page (scores, radar, last year, peers, gaps), the improvement
 * actions drawn from the gaps, and the same as a PDF report for the council.
 */
@Controller
@RequestMapping("/assessments")
class ResultsController {

    private final Evaluations evaluations;
    private final ResultsQuery resultsQuery;
    private final ActionPlanning planning;
    private final PdfReport report;
    private final org.springframework.context.MessageSource messages;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Clock clock;

    ResultsController(
            Evaluations evaluations,
            ResultsQuery resultsQuery,
            ActionPlanning planning,
            PdfReport report,
            org.springframework.context.MessageSource messages,
            tools.jackson.databind.json.JsonMapper json,
            Clock clock) {
        this.evaluations = evaluations;
        this.resultsQuery = resultsQuery;
        this.planning = planning;
        this.report = report;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/{id}/results")
    String results(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Results results = resultsQuery.results(id, user);
        SelfEvaluation view = results.view();
        model.addAttribute("results", results);
        model.addAttribute("view", view);
        model.addAttribute("organisation", evaluations.organisationName(view.assessment(), user));
        model.addAttribute("chart", chartJson(results));
        model.addAttribute(
                "chartNumbered", RadarLabels.numbered(view.framework().areas()));
        Map<UUID, String> memberNames = evaluations.assignable(view.assessment()).stream()
                .collect(Collectors.toMap(m -> m.accountId(), m -> m.displayName(), (x, y) -> x));
        model.addAttribute("memberNames", memberNames);
        if (view.access().admin()) {
            model.addAttribute("members", evaluations.assignable(view.assessment()));
            if (!model.containsAttribute("actionForm")) {
                model.addAttribute(
                        "actionForm",
                        new ActionForm(
                                results.gaps().isEmpty()
                                        ? ""
                                        : results.gaps().get(0).control().ref(),
                                "",
                                "",
                                BelgianTime.today(clock).plusMonths(3).toString(),
                                "MEDIUM"));
            }
        }
        return "assessment/results";
    }

    /** The radar's data: this assessment, last year's and the peers' median, per area (null where missing). */
    private String chartJson(Results results) {
        List<FrameworkNode> areas = results.view().framework().areas();
        // Short labels around the circle (a title does not fit with 18 areas); the full title in the tooltip.
        List<String> labels = RadarLabels.of(areas);
        List<String> titles = areas.stream().map(a -> a.ref() + " " + a.title()).toList();
        List<Map<String, Object>> datasets = new java.util.ArrayList<>();
        datasets.add(dataset(
                message("assessment.results.thisOne"),
                areas,
                ref -> results.view().scores().group(ref)));
        results.previous()
                .ifPresent(previous -> datasets.add(dataset(
                        message("assessment.results.previous"),
                        areas,
                        ref -> previous.areas().get(ref))));
        if (results.peers().shown()) {
            datasets.add(dataset(
                    message("assessment.results.peerMedian"),
                    areas,
                    ref -> java.util.Optional.ofNullable(results.peers().areas().get(ref))
                            .map(Spread::median)
                            .orElse(null)));
        }
        Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("titles", titles);
        chart.put("datasets", datasets);
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> dataset(
            String label, List<FrameworkNode> areas, Function<String, java.math.BigDecimal> score) {
        Map<String, Object> dataset = new java.util.LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put(
                "data",
                areas.stream()
                        .map(a -> score.apply(a.ref()))
                        .map(v -> v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP))
                        .toList());
        return dataset;
    }

    private String message(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @PostMapping("/{id}/actions")
    String proposeAction(
            @PathVariable UUID id,
            @Valid @ModelAttribute ActionForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.view(id, user);
        List<String> problems = FormProblems.of(binding, ActionForm.class);
        if (problems.isEmpty()) {
            try {
                boolean created = planning.propose(id, form.plan(), user);
                redirect.addFlashAttribute(
                        "notice", created ? "assessment.action.created" : "assessment.action.exists");
                return "redirect:/assessments/" + id + "/results#actions";
            } catch (Refusal refusal) {
                problems = List.of(refusal.messageKey());
            }
        }
        redirect.addFlashAttribute("problems", problems);
        redirect.addFlashAttribute("actionForm", form);
        return "redirect:/assessments/" + id + "/results#actions";
    }

    @GetMapping("/{id}/report.pdf")
    void report(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Results results = resultsQuery.results(id, user);
        Map<UUID, String> memberNames = evaluations.assignable(results.view().assessment()).stream()
                .collect(Collectors.toMap(m -> m.accountId(), m -> m.displayName(), (x, y) -> x));
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        report.write(
                results,
                evaluations.organisationName(results.view().assessment(), user),
                memberNames,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                pdf);
        be.bolwerk.shared.web.Attachments.prepare(
                response,
                org.springframework.http.MediaType.APPLICATION_PDF_VALUE,
                "rapport-" + results.view().framework().code() + "-"
                        + results.view().assessment().year() + ".pdf");
        response.setContentLength(pdf.size());
        pdf.writeTo(response.getOutputStream());
    }
}
