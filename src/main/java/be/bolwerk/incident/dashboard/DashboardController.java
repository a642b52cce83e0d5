package be.bolwerk.incident.dashboard;

import be.bolwerk.shared.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CRT dashboard page. The period comes from the URL as text: anything but 30, 90 or 365 shows the default
 * period with a notice, never an error page.
 */
@Controller
@RequestMapping("/incidents/dashboard")
@PreAuthorize("hasAnyRole('CRT_ANALYST', 'PROGRAMME_OFFICER')")
class DashboardController {

    private final Dashboard dashboard;
    private final MessageSource messages;
    private final JsonMapper json;

    DashboardController(Dashboard dashboard, MessageSource messages, JsonMapper json) {
        this.dashboard = dashboard;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String show(
            @RequestParam(required = false) String period,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        Optional<Period> chosen = Period.of(period);
        DashboardFigures figures = dashboard.figures(chosen.orElse(Period.DEFAULT), user);
        model.addAttribute("figures", figures);
        model.addAttribute("periods", Period.values());
        model.addAttribute("periodRefused", period != null && chosen.isEmpty());
        model.addAttribute("series", DashboardFigures.seriesKeys());
        List<String> months = monthLabels(figures, locale);
        model.addAttribute("monthLabels", months);
        model.addAttribute("chart", chart(figures, months, locale));
        return "incident/dashboard";
    }

    /** The monthly counts per category (aggregates only, so the programme office may have them too). */
    @GetMapping("/months.csv")
    ResponseEntity<byte[]> months(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        DashboardFigures figures = dashboard.figures(Period.DEFAULT, user);
        List<String> labels = monthLabels(figures, locale);
        DashboardCsv csv = new DashboardCsv();
        List<String> head = new ArrayList<>();
        head.add(text("incident.dashboard.month", locale));
        DashboardFigures.seriesKeys().forEach(key -> head.add(label(key, locale)));
        head.add(text("incident.dashboard.total", locale));
        csv.row(head);
        for (int i = 0; i < figures.months().size(); i++) {
            DashboardFigures.Month month = figures.months().get(i);
            List<String> row = new ArrayList<>();
            row.add(labels.get(i));
            DashboardFigures.seriesKeys().forEach(key -> row.add(String.valueOf(month.count(key))));
            row.add(String.valueOf(month.total()));
            csv.row(row);
        }
        return file(text("incident.dashboard.months.file", locale) + ".csv", csv);
    }

    /** The late first responses of the period: references and organisations, so for the CRT only. */
    @GetMapping("/breaches.csv")
    @PreAuthorize("hasRole('CRT_ANALYST')")
    ResponseEntity<byte[]> breaches(
            @RequestParam(required = false) String period, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        Period chosen = Period.of(period).orElse(Period.DEFAULT);
        DashboardCsv csv = new DashboardCsv();
        csv.row(List.of(
                text("incident.dashboard.reference", locale),
                text("incident.dashboard.organisation", locale),
                text("incident.dashboard.severity", locale),
                text("incident.dashboard.reportedAt", locale),
                text("incident.dashboard.firstResponseAt", locale),
                text("incident.dashboard.sla.minutes", locale),
                text("incident.dashboard.minutesLate", locale)));
        for (DashboardFigures.Breach b : dashboard.allBreaches(chosen, user)) {
            csv.row(List.of(
                    b.reference(),
                    b.organisation(),
                    b.severity() == null
                            ? text("incident.dashboard.untriaged", locale)
                            : text("incident.severity." + b.severity(), locale),
                    DashboardCsv.moment(b.reportedAt()),
                    DashboardCsv.moment(b.firstResponseAt()),
                    String.valueOf(b.slaMinutes()),
                    String.valueOf(b.minutesLate())));
        }
        return file(text("incident.dashboard.breaches.file", locale) + "-" + chosen.days() + ".csv", csv);
    }

    private static ResponseEntity<byte[]> file(String name, DashboardCsv csv) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The monthly counts as the chart script reads them: stacked bars, one series per category. */
    private String chart(DashboardFigures figures, List<String> labels, Locale locale) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (String key : DashboardFigures.seriesKeys()) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("label", label(key, locale));
            set.put("data", figures.months().stream().map(m -> m.count(key)).toList());
            datasets.add(set);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        return json.writeValueAsString(chart);
    }

    /** Month names as people read them ("jan. 2026"), in the page's language. */
    private static List<String> monthLabels(DashboardFigures figures, Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        return figures.months().stream().map(m -> month.format(m.month())).toList();
    }

    private String label(String series, Locale locale) {
        String key = DashboardFigures.UNCLASSIFIED.equals(series)
                ? "incident.dashboard.unclassified"
                : "incident.category." + series;
        return messages.getMessage(key, null, locale);
    }
}
