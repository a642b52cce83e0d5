package be.bolwerk.assessment.web;

import be.bolwerk.assessment.scoring.ProgrammeOverview;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.DateFormats;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The programme office's overview of self-evaluations in a year (no individual answers, ever). */
@Controller
class ProgrammeOverviewController {

    /** As long as the other lists' pages. */
    static final int PAGE_SIZE = 25;

    /** One row of the organisations table, every value ready to print in the reader's language (ADR 0016). */
    public record RowView(String organisation, String type, String framework, String status, String submittedAt) {}

    private final ProgrammeOverview overview;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;
    private final DateFormats dates;

    ProgrammeOverviewController(
            ProgrammeOverview overview, MessageSource messages, JsonMapper json, Clock clock, DateFormats dates) {
        this.overview = overview;
        this.dates = dates;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/programme/assessments")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String overview(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) UUID framework,
            @RequestParam(required = false) UUID missing,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Model model) {
        int thisYear = BelgianTime.thisYear(clock);
        int chosen = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
        ProgrammeOverview.Overview result =
                overview.of(new ProgrammeOverview.Question(chosen, framework, missing, q, page, PAGE_SIZE), user);
        Paged<ProgrammeOverview.Row> rows = result.rows();
        model.addAttribute("overview", result);
        model.addAttribute("rows", rowViews(rows.items(), LocaleContextHolder.getLocale()));
        model.addAttribute("rowCount", rows.total());
        model.addAttribute("page", rows.page());
        model.addAttribute("pages", Math.max(1, rows.totalPages()));
        model.addAttribute("q", q.strip());
        String list = request.getContextPath() + "/programme/assessments?year=" + chosen + "&q="
                + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8);
        model.addAttribute("previous", rows.hasPrevious() ? list + "&page=" + (rows.page() - 1) : null);
        model.addAttribute("next", rows.hasNext() ? list + "&page=" + (rows.page() + 1) : null);
        model.addAttribute("years", List.of(thisYear - 2, thisYear - 1, thisYear));
        model.addAttribute("types", OrganisationType.values());
        result.distribution().ifPresent(d -> model.addAttribute("chart", chart(d)));
        return "assessment/programme";
    }

    private List<RowView> rowViews(List<ProgrammeOverview.Row> rows, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        return rows.stream()
                .map(r -> new RowView(
                        r.organisation().name(),
                        labels.computeIfAbsent(
                                "organisation.type." + r.organisation().type(),
                                key -> messages.getMessage(key, null, locale)),
                        r.framework().title(),
                        labels.computeIfAbsent(
                                "assessment.status." + r.status(), key -> messages.getMessage(key, null, locale)),
                        r.submittedAt() == null ? "—" : dates.dateTime(r.submittedAt())))
                .toList();
    }

    private String chart(ProgrammeOverview.Distribution distribution) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> labels = List.of("0–1", "1–2", "2–3", "3–4", "4–5");
        List<Map<String, Object>> datasets = new ArrayList<>();
        distribution.bands().forEach((type, counts) -> {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", messages.getMessage("organisation.type." + type, null, locale));
            List<Integer> data = new ArrayList<>();
            for (int count : counts) {
                data.add(count);
            }
            dataset.put("data", data);
            datasets.add(dataset);
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        return json.writeValueAsString(chart);
    }
}
