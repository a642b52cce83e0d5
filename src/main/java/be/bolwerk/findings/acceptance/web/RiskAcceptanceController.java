package be.bolwerk.findings.acceptance.web;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.acceptance.AcceptanceList;
import be.bolwerk.findings.acceptance.AcceptanceStatus;
import be.bolwerk.findings.acceptance.Accepting;
import be.bolwerk.findings.acceptance.RiskAcceptance;
import be.bolwerk.findings.acceptance.RiskAcceptanceNotFound;
import be.bolwerk.findings.acceptance.RiskAcceptanceStore;
import be.bolwerk.findings.register.Access;
import be.bolwerk.findings.register.FindingAccess;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Attachments;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk acceptances of the person's organisations: the list with search, status filter, sorting and pages;
 * proposing one (from the list, or from a finding's page with that finding ticked); one acceptance with its facts,
 * findings, history and the decisions the person may take, each behind a confirmation; its proof file. Members of
 * an organisation only, like the register.
 */
@Controller
@RequestMapping("/findings/risk-acceptances")
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
class RiskAcceptanceController {

    static final String CONFIRM_REQUIRED = "findings.acceptance.rule.confirm";
    private static final String BASE = "/findings/risk-acceptances";

    private final AcceptanceList list;
    private final Accepting accepting;
    private final RiskAcceptanceStore store;
    private final FindingAccess findings;
    private final OrganisationDirectory organisations;
    private final OrganisationMembers members;
    private final MessageSource messages;

    RiskAcceptanceController(
            AcceptanceList list,
            Accepting accepting,
            RiskAcceptanceStore store,
            FindingAccess findings,
            OrganisationDirectory organisations,
            OrganisationMembers members,
            MessageSource messages) {
        this.list = list;
        this.accepting = accepting;
        this.store = store;
        this.findings = findings;
        this.organisations = organisations;
        this.members = members;
        this.messages = messages;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "expires") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        AcceptanceList.Search search = new AcceptanceList.Search(
                q.length() > 200 ? q.substring(0, 200) : q,
                status(status),
                AcceptanceList.Sort.of(sort),
                "desc".equals(dir),
                page);
        Map<UUID, String> names = names(user);
        model.addAttribute("search", search);
        model.addAttribute(
                "list",
                AcceptanceViews.list(
                        list.search(search, user), search, names, key -> messages.getMessage(key, null, locale)));
        model.addAttribute("organisationNames", String.join(", ", names.values()));
        model.addAttribute("statuses", AcceptanceStatus.values());
        model.addAttribute("mayPropose", !writable(user).isEmpty());
        return "findings/acceptance/list";
    }

    @GetMapping("/new")
    String form(
            @RequestParam(required = false) UUID finding,
            @RequestParam(required = false) UUID organisation,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        List<OrganisationProfile> writable = writable(user);
        if (writable.isEmpty()) {
            throw new AccessDeniedException("viewers read the register");
        }
        UUID chosen = organisation;
        if (finding != null) {
            chosen = findings.load(new FindingId(finding), user).finding().organisationId();
        }
        UUID org = chosen == null ? writable.get(0).id().value() : chosen;
        if (writable.stream().noneMatch(o -> o.id().value().equals(org))) {
            throw new AccessDeniedException("viewers read the register");
        }
        model.addAttribute("acceptanceForm", AcceptanceForm.empty(org, finding, user.id()));
        return form(org, user, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("acceptanceForm") AcceptanceForm form,
            BindingResult binding,
            @RequestParam(required = false) MultipartFile proof,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (form.organisationId() == null
                || writable(user).stream().noneMatch(o -> o.id().value().equals(form.organisationId()))) {
            throw new AccessDeniedException("not a member who may propose here");
        }
        LocalDate expiresOn = null;
        if (!binding.hasFieldErrors("expiresOn")) {
            try {
                expiresOn = LocalDate.parse(form.expiresOn());
            } catch (DateTimeParseException noSuchDate) {
                binding.rejectValue("expiresOn", "findings.acceptance.validation.date");
            }
        }
        if (binding.hasErrors()) {
            return form(form.organisationId(), user, model);
        }
        Accepting.Upload upload = proof == null || proof.isEmpty()
                ? null
                : new Accepting.Upload(
                        proof.getOriginalFilename(),
                        proof.getBytes(),
                        request.getRequestURI(),
                        request.getRemoteAddr());
        try {
            RiskAcceptanceId id = accepting.propose(
                    new Accepting.Proposal(
                            form.organisationId(),
                            form.title(),
                            form.decision(),
                            form.measures(),
                            form.reference(),
                            form.ownerId(),
                            expiresOn,
                            form.findings().stream().map(FindingId::new).toList()),
                    upload,
                    user);
            redirect.addFlashAttribute("notice", "findings.acceptance.proposed");
            return "redirect:" + BASE + "/" + id;
        } catch (Refusal refused) {
            if (refused.is(RiskAcceptance.EXPIRY_PAST) || refused.is(RiskAcceptance.EXPIRY_TOO_LATE)) {
                Refusals.reject(binding, "expiresOn", refused);
            } else if (refused.is(Accepting.NOT_A_MEMBER)) {
                Refusals.reject(binding, "ownerId", refused);
            } else {
                Refusals.reject(binding, refused);
            }
            return form(form.organisationId(), user, model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        Accepting.Loaded loaded = accepting.load(new RiskAcceptanceId(id), user);
        RiskAcceptance a = loaded.acceptance();
        Access access = loaded.access();
        model.addAttribute("acceptance", a);
        model.addAttribute("organisation", names(user).getOrDefault(a.organisationId(), ""));
        model.addAttribute("expires", AcceptanceViews.day(a.expiresOn()));
        model.addAttribute("ended", AcceptanceViews.day(a.endedOn()));
        model.addAttribute(
                "covered",
                AcceptanceViews.findings(
                        list.covered(a.id(), a.organisationId()), key -> messages.getMessage(key, null, locale)));
        model.addAttribute("history", AcceptanceViews.history(store.history(a.id())));
        boolean admin = access.mayDecide();
        model.addAttribute("mayDecide", admin && a.mayDecide() && !a.proposedBy(user.id()));
        model.addAttribute("ownProposal", admin && a.mayDecide() && a.proposedBy(user.id()));
        model.addAttribute("mayRevoke", admin && a.mayRevoke());
        return "findings/acceptance/detail";
    }

    @PostMapping("/{id}/approve")
    String approve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "findings.acceptance.approved", () -> {
            requireConfirmed(confirmed);
            accepting.approve(new RiskAcceptanceId(id), user);
        });
    }

    @PostMapping("/{id}/reject")
    String reject(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "findings.acceptance.rejected", () -> {
            requireConfirmed(confirmed);
            accepting.reject(new RiskAcceptanceId(id), limit(reason), user);
        });
    }

    @PostMapping("/{id}/revoke")
    String revoke(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "findings.acceptance.revoked", () -> {
            requireConfirmed(confirmed);
            accepting.revoke(new RiskAcceptanceId(id), limit(reason), user);
        });
    }

    /** The proof file, to members of the acceptance's organisation only, always as an attachment. */
    @GetMapping("/{id}/proof")
    void proof(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException {
        RiskAcceptance a = accepting.load(new RiskAcceptanceId(id), user).acceptance();
        byte[] content = a.proof() == null ? null : store.proof(a.id()).orElse(null);
        if (content == null) {
            throw new RiskAcceptanceNotFound();
        }
        Attachments.prepare(response, "application/pdf", a.proof().name());
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private String form(UUID organisationId, CurrentUser user, Model model) {
        model.addAttribute("organisations", writable(user));
        model.addAttribute("organisation", names(user).getOrDefault(organisationId, ""));
        model.addAttribute("eligible", list.eligible(organisationId));
        model.addAttribute("owners", members.active(organisationId));
        model.addAttribute("decisions", RiskDecision.values());
        return "findings/acceptance/new";
    }

    private String step(UUID id, CurrentUser user, RedirectAttributes redirect, String notice, Runnable action) {
        accepting.load(new RiskAcceptanceId(id), user);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:" + BASE + "/" + id;
    }

    private static void requireConfirmed(boolean confirmed) {
        if (!confirmed) {
            throw Refusal.invalid(CONFIRM_REQUIRED);
        }
    }

    private static String limit(String text) {
        if (text.length() > 2000) {
            throw Refusal.invalid("findings.acceptance.rule.tooLong", 2000);
        }
        return text;
    }

    private static AcceptanceStatus status(String text) {
        for (AcceptanceStatus status : AcceptanceStatus.values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        return null;
    }

    /** The organisations the person is a member or admin of (not a viewer): where they may propose. */
    private List<OrganisationProfile> writable(CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> new Access(user.roleIn(o.id().value()).orElse(null)).mayWork())
                .toList();
    }

    private Map<UUID, String> names(CurrentUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        organisations.memberOf(user).forEach(o -> names.put(o.id().value(), o.name()));
        return names;
    }
}
