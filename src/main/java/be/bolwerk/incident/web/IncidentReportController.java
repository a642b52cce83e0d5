package be.bolwerk.incident.web;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.incident.intake.IncidentProperties;
import be.bolwerk.incident.intake.Reporting;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.propertyeditors.UUIDEditor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Reporting an incident: the short form for the organisation's people (any role: anyone may raise the alarm) and
 * the same form for a CRT analyst taking a call, with the organisation and the caller. Works without JavaScript;
 * the hidden submission key turns a double click or a retried POST into the incident the first one made.
 */
@Controller
@RequestMapping("/incidents")
class IncidentReportController {

    private static final String FORM = "incident/report";

    /** Which field a rule of the report names; the rest are shown above the form. */
    private static final Map<String, String> FIELDS = Map.of(
            "incident.rule.whatRequired", "whatHappened",
            "incident.rule.noticedRequired", "noticedAt",
            "incident.rule.noticedFuture", "noticedAt",
            "incident.rule.startedAfterNoticed", "startedAt",
            "incident.rule.phoneRequired", "callbackPhone");

    private final Reporting reporting;
    private final IncidentAccess access;
    private final OrganisationDirectory organisations;
    private final IncidentProperties properties;
    private final Clock clock;

    IncidentReportController(
            Reporting reporting,
            IncidentAccess access,
            OrganisationDirectory organisations,
            IncidentProperties properties,
            Clock clock) {
        this.reporting = reporting;
        this.access = access;
        this.organisations = organisations;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The report's text and keys bound by editors, not by the conversion service. The service caches its converters
     * under the source and target type, but hashes a type by its class alone and compares the rest, annotations
     * included, entry by entry: every text field of every form in the application lands in one chain, and each of
     * the report's 24 fields walked it, comparing constraint annotations by reflection (a tenth of the request
     * threads' time in the burst of reports, docs/performance.md). An editor registered for the type is asked
     * before the service; for text and UUIDs these do what the converters did: text as sent, an empty key null, a
     * malformed key a binding error (a key sent twice in one request too, where the converter took the first).
     */
    @InitBinder("reportForm")
    void bindTextAndKeysWithEditors(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new TextAsSent());
        binder.registerCustomEditor(UUID.class, new UUIDEditor());
    }

    /** Text stays the text that was sent: no trimming, and an empty field stays empty, as without an editor. */
    private static final class TextAsSent extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(text);
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<OrganisationProfile> own = own(user);
        OrganisationProfile first = own.get(0);
        model.addAttribute("reportForm", ReportForm.empty(first.id().value(), first.contactPhone(), clock.instant()));
        return form(own, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
    String report(
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        // The person's organisations are looked up only to show the form again: a report that goes through needs
        // none (Reporting checks the membership), and under a burst every query counts (docs/performance.md).
        if (form.organisationId() == null) {
            binding.rejectValue("organisationId", "validation.required");
        }
        Report report = report(form, binding);
        if (report == null) {
            return form(own(user), model);
        }
        Incident incident;
        try {
            incident = reporting
                    .report(form.organisationId(), report, ReportChannel.FORM, form.submissionKey(), user)
                    .incident();
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(own(user), model);
        }
        // The answer to the POST is the acknowledgement itself, not a redirect to it (ADR 0048): one round trip
        // less on a phone in a crisis and one request less per reporter under a burst. Its address is that of
        // the acknowledgement page, for the language links here and for the script that puts it in the address
        // bar, so that a reload or a step back asks nothing; without script a reload sends the same submission
        // key again and answers this same page.
        model.addAttribute("requestPath", "/incidents/" + incident.id() + "/received");
        return acknowledgement(access.check(incident, user).incident(), model);
    }

    /**
     * The acknowledgement: the reference, when it arrived, who calls back and what to do now, and nothing more.
     * The reporter has just typed the report and needs the reference and next steps; the full overview is one
     * link away. Kept this small on purpose: under a burst of reports (docs/performance.md) every reporter gets
     * it, and on a phone in a crisis it is what must appear at once. Sending the form answers it directly; this
     * address shows it again (a reload, a step back, a bookmark).
     */
    @GetMapping("/{id}/received")
    @PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
    String received(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return acknowledgement(access.load(new IncidentId(id), user).incident(), model);
    }

    private String acknowledgement(Incident incident, Model model) {
        model.addAttribute("id", incident.id());
        model.addAttribute("reference", incident.reference());
        model.addAttribute(
                "receivedAt", IncidentViews.moment(incident.reported().reportedAt()));
        model.addAttribute("callbackPhone", incident.report().callbackPhone());
        model.addAttribute("hotline", properties.hotline());
        model.addAttribute("hotlineLink", properties.hotlineLink());
        return "incident/received";
    }

    @GetMapping("/phone")
    @PreAuthorize("hasRole('CRT_ANALYST')")
    String phoneForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("reportForm", ReportForm.empty(null, "", clock.instant()));
        return phonePage(user, model);
    }

    @PostMapping("/phone")
    @PreAuthorize("hasRole('CRT_ANALYST')")
    String phoneReport(
            @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        if (form.organisationId() == null) {
            binding.rejectValue("organisationId", "validation.required");
        }
        if (form.callerName() == null || form.callerName().isBlank()) {
            binding.rejectValue("callerName", "validation.required");
        }
        Report report = report(form, binding);
        if (report == null) {
            return phonePage(user, model);
        }
        try {
            Incident incident = reporting
                    .reportByPhone(form.organisationId(), report, form.callerName(), form.submissionKey(), user)
                    .incident();
            return "redirect:/incidents/" + incident.id() + "?reported";
        } catch (Refusal refused) {
            reject(binding, refused);
            return phonePage(user, model);
        }
    }

    /** The report of a bound form, or null with the form's errors when it cannot be sent as it is. */
    private static Report report(ReportForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return null;
        }
        try {
            return form.report();
        } catch (ReportForm.NoSuchMoment wrong) {
            binding.rejectValue(wrong.field, "incident.validation.moment");
            return null;
        }
    }

    private static void reject(BindingResult binding, Refusal refused) {
        String field = FIELDS.get(refused.messageKey());
        if (field == null) {
            Refusals.reject(binding, refused);
        } else {
            Refusals.reject(binding, field, refused);
        }
    }

    private String form(List<OrganisationProfile> own, Model model) {
        model.addAttribute("phone", false);
        model.addAttribute(
                "organisations",
                own.stream().map(o -> new Choice(o.id().value(), o.name())).toList());
        return common(model);
    }

    private String phonePage(CurrentUser user, Model model) {
        List<OrganisationListItem> all = organisations.matching(OrganisationSearch.firstPage(), user);
        model.addAttribute("phone", true);
        model.addAttribute(
                "organisations",
                all.stream().map(o -> new Choice(o.id().value(), o.name())).toList());
        return common(model);
    }

    private String common(Model model) {
        model.addAttribute("answers", Answer.values());
        model.addAttribute("hotline", properties.hotline());
        model.addAttribute("hotlineLink", properties.hotlineLink());
        return FORM;
    }

    /** The organisations the person belongs to, by name: where they may report. */
    private List<OrganisationProfile> own(CurrentUser user) {
        List<OrganisationProfile> own = organisations.memberOf(user);
        if (own.isEmpty()) {
            throw new AccessDeniedException("only an organisation's people report for it");
        }
        return own;
    }

    /** An organisation to choose, for the template. */
    public record Choice(UUID id, String name) {}
}
