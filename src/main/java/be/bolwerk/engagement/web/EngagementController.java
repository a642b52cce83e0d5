package be.bolwerk.engagement.web;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.scope.ConsentKind;
import be.bolwerk.engagement.scope.Technique;
import be.bolwerk.engagement.work.EngagementList;
import be.bolwerk.engagement.work.EngagementState;
import be.bolwerk.engagement.work.FindingStore;
import be.bolwerk.engagement.work.Requesting;
import be.bolwerk.engagement.work.Viewing;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Attachments;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's pages of an engagement and the list everyone involved shares: requesting one, changing its
 * scope and consents, signing the rules of engagement, closing it, and the evidence deletion date. The list and
 * pages filter by who asks (organisation, college, assignment, programme office); the services refuse the rest.
 */
@Controller
@RequestMapping("/engagements")
class EngagementController {

    private static final String FORM = "engagement/form";

    private final EngagementList list;
    private final Requesting requesting;
    private final Viewing viewing;
    private final DetailModel detail;

    EngagementController(EngagementList list, Requesting requesting, Viewing viewing, DetailModel detail) {
        this.list = list;
        this.requesting = requesting;
        this.viewing = viewing;
        this.detail = detail;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        EngagementState chosen = Arrays.stream(EngagementState.values())
                .filter(s -> s.name().equals(state))
                .findFirst()
                .orElse(null);
        model.addAttribute("rows", list.page(user, chosen, q, page).map(EngagementLine::of));
        model.addAttribute("states", EngagementState.values());
        model.addAttribute("chosenState", chosen == null ? "" : chosen.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("mayRequest", !requesting.organisations(user).isEmpty());
        model.addAttribute("collegeSide", user.hasAny(Persona.HACKING_SUPERVISOR, Persona.STUDENT));
        Map<EngagementState, Long> counts = user.has(Persona.PROGRAMME_OFFICER) ? list.countByState(user) : Map.of();
        model.addAttribute(
                "counts",
                Arrays.stream(EngagementState.values())
                        .filter(counts::containsKey)
                        .map(s -> new EngagementLine.Count(s.name(), counts.get(s)))
                        .toList());
        return "engagement/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        var organisations = requesting.organisations(user);
        if (organisations.isEmpty()) {
            throw new AccessDeniedException("only an organisation's admin requests an engagement");
        }
        var colleges = requesting.colleges();
        model.addAttribute(
                "scopeForm",
                ScopeForm.empty(organisations.get(0).id().value(), colleges.isEmpty() ? null : colleges.get(0)));
        return form(null, user, model);
    }

    @PostMapping
    String request(
            @Valid @ModelAttribute("scopeForm") ScopeForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(null, user, model);
        }
        try {
            EngagementId id =
                    requesting.request(form.organisationId(), form.title(), form.college(), form.scope(), user);
            redirect.addFlashAttribute("notice", "engagement.requested");
            return "redirect:/engagements/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(null, user, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return detail.show(id, user, model);
    }

    @GetMapping("/{id}/scope")
    String editScope(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        Viewing.View view = viewing.view(new EngagementId(id), user);
        if (!view.access().organisationAdmin()) {
            throw new AccessDeniedException("only the organisation's admins change the scope");
        }
        model.addAttribute("scopeForm", ScopeForm.of(view.engagement()));
        return form(id, user, model);
    }

    @PostMapping("/{id}/scope")
    String changeScope(
            @PathVariable UUID id,
            @Valid @ModelAttribute("scopeForm") ScopeForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (!viewing.access(new EngagementId(id), user).organisationAdmin()) {
            throw new AccessDeniedException("only the organisation's admins change the scope");
        }
        if (binding.hasErrors()) {
            return form(id, user, model);
        }
        try {
            requesting.changeScope(new EngagementId(id), form.title(), form.scope(), user);
            redirect.addFlashAttribute("notice", "engagement.scopeChanged");
            return "redirect:/engagements/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(id, user, model);
        }
    }

    private String form(UUID id, CurrentUser user, Model model) {
        model.addAttribute("engagementId", id == null ? null : id.toString());
        if (id == null) {
            model.addAttribute("organisations", requesting.organisations(user));
            model.addAttribute("colleges", requesting.colleges());
        }
        model.addAttribute("techniques", Technique.values());
        return FORM;
    }

    /** A refusal of the scope names its field in its key ({@code engagement.scope.<field>...}). */
    private static void reject(BindingResult binding, Refusal refused) {
        String key = refused.messageKey();
        if (key.startsWith("engagement.scope.")) {
            String field = key.substring("engagement.scope.".length()).split("\\.")[0];
            Refusals.reject(binding, field, refused);
        } else if (key.equals(Requesting.UNKNOWN_COLLEGE)) {
            Refusals.reject(binding, "college", refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }

    @PostMapping("/{id}/consents")
    String addConsent(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String party,
            @RequestParam(defaultValue = "SAAS_PROVIDER") ConsentKind kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "#consents", redirect, () -> {
            MultipartFile sent = Steps.file(file);
            requesting.addConsent(
                    new EngagementId(id),
                    party,
                    kind,
                    sent.getOriginalFilename(),
                    sent.getBytes(),
                    request.getRequestURI(),
                    request.getRemoteAddr(),
                    user);
            return "engagement.consentAdded";
        });
    }

    @PostMapping("/{id}/consents/{consentId}/remove")
    String removeConsent(
            @PathVariable UUID id,
            @PathVariable UUID consentId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "#consents", redirect, () -> {
            Steps.confirmed(confirmed);
            requesting.removeConsent(new EngagementId(id), consentId, user);
            return "engagement.consentRemoved";
        });
    }

    @GetMapping("/{id}/consents/{consentId}")
    void consent(
            @PathVariable UUID id,
            @PathVariable UUID consentId,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        send(viewing.consent(new EngagementId(id), consentId, user), response);
    }

    @GetMapping("/{id}/evidence/{evidenceId}")
    void evidence(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        send(viewing.evidence(new EngagementId(id), evidenceId, user), response);
    }

    private static void send(FindingStore.Download file, HttpServletResponse response) throws IOException {
        Attachments.prepare(response, file.contentType(), file.name());
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    /**
     * The signatory signs what the page showed: the hash of that text comes back with the form, so a scope that
     * changed in between is refused rather than signed unseen. The client address is the request's as the house
     * resolves it (behind the proxy in production, {@code server.forward-headers-strategy}).
     */
    @PostMapping("/{id}/signature")
    String sign(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String hash,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        if (!confirmed) {
            Refusals.flash(redirect, Refusal.invalid("engagement.sign.confirmRequired"));
            return "redirect:/engagements/" + id + "#sign";
        }
        return Steps.take(id, "", redirect, () -> {
            requesting.sign(new EngagementId(id), hash, request.getRemoteAddr(), user);
            return "engagement.signed";
        });
    }

    @PostMapping("/{id}/close")
    String close(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "", redirect, () -> {
            Steps.confirmed(confirmed);
            requesting.close(new EngagementId(id), user);
            return "engagement.closed";
        });
    }

    @PostMapping("/{id}/evidence-deletion")
    String evidenceDeletion(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String date,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        viewing.access(new EngagementId(id), user);
        return Steps.take(id, "#evidence-deletion", redirect, () -> {
            LocalDate chosen;
            try {
                chosen = LocalDate.parse(date.strip());
            } catch (DateTimeParseException notADate) {
                throw Refusal.invalid("engagement.deletion.format");
            }
            requesting.setEvidenceDeletion(new EngagementId(id), chosen, user);
            return "engagement.deletionSet";
        });
    }
}
