package be.bolwerk.incident.obligation.web;

import be.bolwerk.incident.obligation.BreachRegister;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationNotFound;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The breach register (GDPR art. 33(5)) as a page and as a workbook: the people of an organisation see their own
 * organisations' breaches, CRT analysts every organisation's with a filter by organisation.
 */
@Controller
@RequestMapping("/incidents/breach-register")
@PreAuthorize("isAuthenticated()")
class BreachRegisterController {

    private final BreachRegister register;
    private final OrganisationDirectory organisations;
    private final BreachSpreadsheet spreadsheet;

    BreachRegisterController(
            BreachRegister register, OrganisationDirectory organisations, BreachSpreadsheet spreadsheet) {
        this.register = register;
        this.organisations = organisations;
        this.spreadsheet = spreadsheet;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) UUID organisation, @AuthenticationPrincipal CurrentUser user, Model model) {
        List<BreachRegister.Entry> entries = register.entries(user, organisation);
        model.addAttribute("entries", entries);
        model.addAttribute("names", names(entries, user));
        model.addAttribute("crt", user.has(Persona.CRT_ANALYST));
        model.addAttribute("organisation", organisation);
        model.addAttribute("covered", covered(user));
        model.addAttribute("choices", user.has(Persona.CRT_ANALYST) ? choices(user) : Map.of());
        return "incident/breach-register";
    }

    @GetMapping("/export.xlsx")
    void export(
            @RequestParam(required = false) UUID organisation,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        List<BreachRegister.Entry> entries = register.entries(user, organisation);
        response.setContentType(BreachSpreadsheet.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"datalekkenregister.xlsx\"");
        spreadsheet.write(entries, names(entries, user), covered(user), locale, response.getOutputStream());
    }

    /** Whose register it is, for the people of organisations (a CRT analyst's covers every organisation). */
    private String covered(CurrentUser user) {
        if (user.has(Persona.CRT_ANALYST)) {
            return null;
        }
        return String.join(
                ", ", organisations.memberOf(user).stream().map(p -> p.name()).toList());
    }

    /** The names of the organisations in the register, looked up once each (never one per row). */
    private Map<UUID, String> names(List<BreachRegister.Entry> entries, CurrentUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        for (BreachRegister.Entry entry : entries) {
            names.computeIfAbsent(entry.organisationId(), id -> name(id, user));
        }
        return names;
    }

    private String name(UUID id, CurrentUser user) {
        try {
            return organisations.profile(new OrganisationId(id), user).name();
        } catch (OrganisationNotFound gone) {
            return "—";
        }
    }

    /** For a CRT analyst's filter: the organisations that have a breach in the register. */
    private Map<UUID, String> choices(CurrentUser user) {
        return names(register.entries(user, null), user);
    }
}
