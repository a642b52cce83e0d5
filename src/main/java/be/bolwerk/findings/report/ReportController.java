package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.rendering.KeptRendering;
import be.bolwerk.shared.security.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * The progress page of an organisation's register (burn-down chart with its table, counts, share closed within the
 * SLA) and its two files: the register as XLSX with the register's filters, and the improvement plan as PDF. Members
 * of the organisation only, whatever their role; anyone else gets 404.
 */
@Controller
@RequestMapping("/findings/report")
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
class ReportController {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("dd-MM");

    private final Reports reports;
    private final RegisterSpreadsheet spreadsheet;
    private final ImprovementPlan plan;
    private final MessageSource messages;
    private final JsonMapper json;
    private final KeptRendering rendering;

    ReportController(
            Reports reports,
            RegisterSpreadsheet spreadsheet,
            ImprovementPlan plan,
            MessageSource messages,
            JsonMapper json,
            KeptRendering rendering) {
        this.reports = reports;
        this.spreadsheet = spreadsheet;
        this.plan = plan;
        this.messages = messages;
        this.json = json;
        this.rendering = rendering;
    }

    @GetMapping
    String show(
            @RequestParam(required = false) String organisation,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        OrganisationProfile chosen = reports.organisation(uuid(organisation), user);
        RegisterFigures.Figures figures = reports.figures(chosen);
        model.addAttribute("organisation", chosen);
        model.addAttribute("organisations", reports.organisations(user));
        // Rendered once per distinct set of figures and kept (ADR 0047): the figures themselves are kept under the
        // register's version (ADR 0046), so between two changes every request asks for the same HTML.
        model.addAttribute(
                "figuresHtml",
                rendering.html(
                        "findings/report-figures",
                        locale,
                        Map.of(
                                "figures", figures,
                                "severities", List.of(Severity.values()),
                                "statuses", List.of(FindingStatus.values()),
                                "chart", chart(figures, locale),
                                "day", new ImprovementPlan.Days())));
        return "findings/report";
    }

    @GetMapping("/register.xlsx")
    ResponseEntity<byte[]> register(
            @RequestParam(required = false) String organisation,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String due,
            @RequestParam(defaultValue = "due") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale)
            throws IOException {
        OrganisationProfile chosen = reports.organisation(uuid(organisation), user);
        FindingList.Search search = new FindingList.Search(
                q.length() > 200 ? q.substring(0, 200) : q,
                parse(FindingStatus.class, status),
                parse(Severity.class, severity),
                parse(FindingSource.class, source),
                uuid(owner),
                parse(FindingList.Due.class, due),
                FindingList.Sort.of(sort),
                "desc".equals(dir),
                0);
        List<FindingList.Row> rows = reports.export(search, chosen);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spreadsheet.write(chosen.name(), reports.today(), rows, locale, out);
        return file(
                text("findings.report.file.register", locale) + "-" + slug(chosen.name()) + "-" + reports.today()
                        + ".xlsx",
                RegisterSpreadsheet.CONTENT_TYPE,
                out.toByteArray());
    }

    @GetMapping("/plan.pdf")
    ResponseEntity<byte[]> plan(
            @RequestParam(required = false) String organisation,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        OrganisationProfile chosen = reports.organisation(uuid(organisation), user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plan.write(reports.plan(chosen), locale, out);
        return file(
                text("findings.report.file.plan", locale) + "-" + slug(chosen.name()) + "-" + reports.today() + ".pdf",
                MediaType.APPLICATION_PDF_VALUE,
                out.toByteArray());
    }

    /** The burn-down as the chart script reads it: stacked bars of open findings per severity per week. */
    private String chart(RegisterFigures.Figures figures, Locale locale) {
        List<String> labels = new ArrayList<>();
        figures.weeks().forEach(w -> labels.add(WEEK.format(w.end())));
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("label", text("finding.severity." + severity, locale));
            set.put(
                    "data",
                    figures.weeks().stream().map(w -> w.open().get(severity)).toList());
            datasets.add(set);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        return json.writeValueAsString(chart);
    }

    private static ResponseEntity<byte[]> file(String name, String type, byte[] body) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(type))
                .body(body);
    }

    /** The organisation's name for a file name: lower case letters, digits and dashes. */
    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "organisatie" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
