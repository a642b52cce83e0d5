package be.bolwerk.findings.web;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA page: programme officers set the programme's days per severity; an organisation's admin sees them and
 * tightens them for the organisation (a looser number is refused next to its field).
 */
@Controller
@RequestMapping("/findings/sla")
@PreAuthorize("hasAnyRole('PROGRAMME_OFFICER', 'ORGANISATION_ADMIN')")
class SlaController {

    private static final String PAGE = "findings/sla";

    private final SlaProfiles profiles;
    private final OrganisationDirectory organisations;

    SlaController(SlaProfiles profiles, OrganisationDirectory organisations) {
        this.profiles = profiles;
        this.organisations = organisations;
    }

    @GetMapping
    String show(
            @RequestParam(required = false) UUID organisation, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.has(Persona.PROGRAMME_OFFICER)) {
            model.addAttribute("slaForm", SlaForm.of(null, profiles.programme()));
        } else {
            OrganisationProfile chosen = administered(user).stream()
                    .filter(o -> organisation == null || o.id().value().equals(organisation))
                    .findFirst()
                    .orElseThrow(() -> new AccessDeniedException("not an admin of this organisation"));
            model.addAttribute(
                    "slaForm",
                    SlaForm.of(
                            chosen.id().value(), profiles.effective(chosen.id().value())));
        }
        return page(user, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String setProgramme(
            @Valid @ModelAttribute("slaForm") SlaForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(user, model);
        }
        profiles.setProgramme(form.profile(), user);
        redirect.addFlashAttribute("notice", "finding.sla.saved");
        return "redirect:/findings/sla";
    }

    @PostMapping("/organisation")
    @PreAuthorize("hasRole('ORGANISATION_ADMIN')")
    String tighten(
            @Valid @ModelAttribute("slaForm") SlaForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (form.organisationId() == null
                || user.roleIn(form.organisationId()).orElse(null) != OrganisationRole.ORGANISATION_ADMIN) {
            throw new AccessDeniedException("not an admin of this organisation");
        }
        if (binding.hasErrors()) {
            return page(user, model);
        }
        try {
            profiles.tighten(form.organisationId(), form.profile(), user);
        } catch (Refusal refused) {
            if (refused.is(SlaProfile.LOOSER)) {
                String field = ((String) refused.arguments()[0]).toLowerCase(Locale.ROOT);
                Refusals.reject(binding, field, refused);
            } else {
                Refusals.reject(binding, refused);
            }
            return page(user, model);
        }
        redirect.addFlashAttribute("notice", "finding.sla.tightened");
        return "redirect:/findings/sla?organisation=" + form.organisationId();
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("programme", profiles.programme().bySeverity());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("officer", user.has(Persona.PROGRAMME_OFFICER));
        model.addAttribute("administered", administered(user));
        return PAGE;
    }

    private List<OrganisationProfile> administered(CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> user.roleIn(o.id().value()).orElse(null) == OrganisationRole.ORGANISATION_ADMIN)
                .toList();
    }
}
