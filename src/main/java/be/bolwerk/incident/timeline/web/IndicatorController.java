package be.bolwerk.incident.timeline.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.timeline.IndicatorType;
import be.bolwerk.incident.timeline.Indicators;
import be.bolwerk.incident.timeline.web.Forms.IndicatorForm;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** Adding an indicator of compromise, and the CSV of the incident's indicators for a firewall supplier. */
@Controller
@RequestMapping("/incidents/{id}")
class IndicatorController {

    private final TimelinePage page;
    private final Indicators indicators;

    IndicatorController(TimelinePage page, Indicators indicators) {
        this.page = page;
        this.indicators = indicators;
    }

    @PostMapping("/indicators")
    String add(
            @PathVariable UUID id,
            @ModelAttribute("indicatorForm") IndicatorForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            indicators.add(
                    new IncidentId(id),
                    IndicatorType.parse(form.type()),
                    form.value(),
                    Forms.tlp(form.indicatorTlp()),
                    form.note(),
                    user);
            redirect.addFlashAttribute("notice", "incident.indicator.added");
            return "redirect:/incidents/" + id + "/timeline#indicators";
        } catch (Refusal refused) {
            String key = refused.messageKey();
            String field = key.endsWith("typeRequired") ? "type" : key.endsWith("noteTooLong") ? "note" : "value";
            Refusals.reject(binding, field, refused);
            return page.render(id, "", user, model);
        }
    }

    @GetMapping("/indicators.csv")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        Indicators.Export export = indicators.export(new IncidentId(id), user);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(export.csv().getBytes(StandardCharsets.UTF_8));
    }
}
