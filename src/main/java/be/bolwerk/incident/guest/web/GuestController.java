package be.bolwerk.incident.guest.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.guest.GuestGrant;
import be.bolwerk.incident.guest.Guests;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident's tab "Gasten" (ADR 0043): the grants with their state and last day for the CRT and the
 * organisation's people (members and viewers read it, so they know who else is reading), the invitation form for
 * the organisation's admin, and revocation with a confirmation for the admin and the CRT. A guest gets 404 here,
 * like on every page but the overview and the timeline.
 */
@Controller
@RequestMapping("/incidents/{id}/guests")
@PreAuthorize("isAuthenticated()")
class GuestController {

    private static final String PAGE = "incident/guests";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** Which field each rule's refusal belongs next to. */
    private static final Map<String, String> FIELDS = Map.of(
            "incident.guest.rule.emailInvalid", "email",
            "incident.guest.rule.firmRequired", "firm",
            "incident.guest.rule.expiryRequired", "lastDay",
            "incident.guest.rule.expiryPast", "lastDay",
            "incident.guest.rule.expiryTooFar", "lastDay");

    private final IncidentPages pages;
    private final Guests guests;
    private final Clock clock;

    GuestController(IncidentPages pages, Guests guests, Clock clock) {
        this.pages = pages;
        this.guests = guests;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("guestForm", GuestForm.empty());
        return page(new IncidentId(id), user, model);
    }

    @PostMapping
    String invite(
            @PathVariable UUID id,
            @Valid @ModelAttribute("guestForm") GuestForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        IncidentId incident = new IncidentId(id);
        // Someone who may not invite is refused before their form is looked at: they learn nothing from it.
        if (!pages.load(incident, user).access().mayDecideForOrganisation()) {
            throw new AccessDeniedException("only the organisation's admin invites guests");
        }
        LocalDate lastDay = parse(form.lastDay());
        if (lastDay == null && form.lastDay() != null && !form.lastDay().isBlank()) {
            binding.rejectValue("lastDay", "incident.guest.rule.dateInvalid");
        }
        if (!binding.hasErrors()) {
            try {
                guests.invite(incident, form.email(), form.firm(), lastDay, user);
                redirect.addFlashAttribute("notice", "incident.guest.invited");
                return redirect(id);
            } catch (Refusal refused) {
                Refusals.reject(binding, FIELDS.getOrDefault(refused.messageKey(), "email"), refused);
            }
        }
        return page(incident, user, model);
    }

    @PostMapping("/{grantId}/revoke")
    String revoke(
            @PathVariable UUID id,
            @PathVariable UUID grantId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        IncidentId incident = new IncidentId(id);
        if (!confirmed) {
            if (!Guests.mayRevoke(pages.load(incident, user).access())) {
                throw new AccessDeniedException("only the organisation's admin or the CRT revokes guests");
            }
            Refusals.flash(redirect, Refusal.invalid("incident.guest.rule.confirmRevoke"));
            return redirect(id);
        }
        try {
            guests.revoke(incident, grantId, user);
            redirect.addFlashAttribute("notice", "incident.guest.revoked");
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return redirect(id);
    }

    private String page(IncidentId incident, CurrentUser user, Model model) {
        IncidentPages.Page page = pages.load(incident, user);
        var now = clock.instant();
        model.addAttribute("head", page.header());
        model.addAttribute(
                "grants",
                guests.of(incident, user).stream()
                        .map(g -> new Row(g, g.stateAt(now).name(), DAY.format(g.lastDay())))
                        .toList());
        model.addAttribute("mayInvite", page.access().mayDecideForOrganisation());
        model.addAttribute("mayRevoke", Guests.mayRevoke(page.access()));
        model.addAttribute("today", BelgianTime.today(clock).toString());
        model.addAttribute("maxDays", GuestGrant.MAX_DAYS);
        return PAGE;
    }

    /** One grant as the page shows it. */
    record Row(GuestGrant grant, String state, String lastDay) {

        public boolean revocable() {
            return "INVITED".equals(state) || "ACTIVE".equals(state);
        }
    }

    private static LocalDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String redirect(UUID id) {
        return "redirect:/incidents/" + id + "/guests";
    }
}
