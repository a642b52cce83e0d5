package be.bolwerk.findings.web;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.acceptance.AcceptanceList;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.findings.register.Access;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingAccess;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.rendering.KeptRendering;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of the person's organisations: the list with search, filters, sorting and pages; writing a finding
 * by hand; one finding with its details, steps, history and retests; changing its details. Members of an
 * organisation only: the programme office, auditors and students are refused (they never see finding text).
 */
@Controller
@RequestMapping("/findings")
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
class FindingController {

    private static final String LIST = "findings/list";
    private static final String FORM = "findings/form";
    private static final String DETAIL = "findings/detail";

    private final FindingList list;
    private final FindingAccess access;
    private final FindingStore store;
    private final Raising raising;
    private final Handling handling;
    private final OrganisationDirectory organisations;
    private final OrganisationMembers members;
    private final MessageSource messages;
    private final Clock clock;
    private final AcceptanceList acceptances;
    private final KeptRendering rendering;

    FindingController(
            FindingList list,
            FindingAccess access,
            FindingStore store,
            Raising raising,
            Handling handling,
            OrganisationDirectory organisations,
            OrganisationMembers members,
            MessageSource messages,
            Clock clock,
            AcceptanceList acceptances,
            KeptRendering rendering) {
        this.list = list;
        this.access = access;
        this.store = store;
        this.raising = raising;
        this.handling = handling;
        this.organisations = organisations;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
        this.acceptances = acceptances;
        this.rendering = rendering;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String due,
            @RequestParam(defaultValue = "due") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        FindingList.Search search = new FindingList.Search(
                q.length() > 200 ? q.substring(0, 200) : q,
                Enums.parse(FindingStatus.class, status),
                Enums.parse(Severity.class, severity),
                Enums.parse(FindingSource.class, source),
                Enums.uuid(owner),
                Enums.parse(FindingList.Due.class, due),
                FindingList.Sort.of(sort),
                "desc".equals(dir),
                page);
        // One look-up of the person's organisations serves the names, the write check and the owners.
        List<OrganisationProfile> memberOf = organisations.memberOf(user);
        Map<UUID, String> names = new LinkedHashMap<>();
        memberOf.forEach(o -> names.put(o.id().value(), o.name()));
        FindingViews.Texts text = (key, args) -> messages.getMessage(key, args, locale);
        FindingViews.ListView view = FindingViews.list(list.search(search, user), search, names, text);
        FindingViews.Filters filters = FindingViews.filters(search, owners(user), text);
        boolean mayTighten = user.memberships().values().stream().anyMatch(r -> new Access(r).mayDecide());
        model.addAttribute("list", view);
        // The page's three busiest parts, each rendered once per distinct set of values and kept (ADR 0047).
        model.addAttribute(
                "filterFields",
                rendering.html(
                        "findings/register-filters",
                        locale,
                        Map.of(
                                "query", search.query(),
                                "filters", filters,
                                "sort", view.sort(),
                                "dir", view.dir())));
        if (!view.rows().isEmpty()) {
            model.addAttribute(
                    "table",
                    rendering.html(
                            "findings/register-table",
                            locale,
                            Map.of(
                                    "rows", view.rows(),
                                    "columns", view.columns(),
                                    "several", view.severalOrganisations(),
                                    "mayTighten", mayTighten)));
        }
        if (mayTighten && !view.rows().isEmpty()) {
            model.addAttribute(
                    "bulkFields",
                    rendering.html(
                            "findings/register-bulk",
                            locale,
                            Map.of(
                                    "pageIds", view.pageIds(),
                                    "count", view.rows().size(),
                                    "owners", filters.owners())));
        }
        model.addAttribute("organisationNames", String.join(", ", names.values()));
        model.addAttribute("mayWrite", memberOf.stream().anyMatch(o -> mayWork(user, o)));
        model.addAttribute("mayTighten", mayTighten);
        return LIST;
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<OrganisationProfile> writable = writable(user);
        if (writable.isEmpty()) {
            throw new AccessDeniedException("viewers read the register");
        }
        model.addAttribute("findingForm", FindingForm.empty(writable.get(0).id().value()));
        return form(null, user, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("findingForm") FindingForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (writable(user).isEmpty()) {
            throw new AccessDeniedException("viewers read the register");
        }
        Finding.Details details = details(form, binding);
        CvssVector cvss = cvss(form, binding);
        if (binding.hasErrors() || details == null) {
            return form(null, user, model);
        }
        if (form.organisationId() == null) {
            binding.rejectValue("organisationId", "validation.required");
            return form(null, user, model);
        }
        FindingId id = raising.raise(form.organisationId(), details, cvss, user);
        redirect.addFlashAttribute("notice", "finding.raised");
        return "redirect:/findings/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        FindingAccess.Loaded loaded = access.load(new FindingId(id), user);
        Finding finding = loaded.finding();
        model.addAttribute("finding", finding);
        model.addAttribute("access", loaded.access());
        model.addAttribute("organisation", names(user).getOrDefault(finding.organisationId(), ""));
        model.addAttribute("due", FindingViews.day(finding.dueDate()));
        model.addAttribute("slaStart", FindingViews.day(finding.slaStart()));
        model.addAttribute("planned", FindingViews.day(finding.details().plannedOn()));
        model.addAttribute("overdue", finding.overdueOn(BelgianTime.today(clock)));
        model.addAttribute("link", finding.origin().link());
        model.addAttribute("history", FindingViews.history(store.history(finding.id())));
        model.addAttribute("retests", store.retests(finding.id()));
        model.addAttribute("day", new Days());
        model.addAttribute(
                "acceptance",
                acceptances.holding(finding.id(), finding.organisationId()).orElse(null));
        if (loaded.access().mayDecide()) {
            model.addAttribute("members", members.active(finding.organisationId()));
            if (finding.mayClose()) {
                model.addAttribute("others", list.others(finding.organisationId(), finding.id()));
            }
        }
        if (!model.containsAttribute("retestForm")) {
            model.addAttribute(
                    "retestForm", RetestForm.empty(BelgianTime.today(clock).toString()));
        }
        model.addAttribute("results", RetestResult.values());
        if (finding.duplicateOf() != null) {
            model.addAttribute(
                    "original",
                    store.find(finding.duplicateOf()).map(Finding::title).orElse(""));
        }
        return DETAIL;
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        FindingAccess.Loaded loaded = access.load(new FindingId(id), user);
        if (!loaded.access().mayWork()) {
            throw new AccessDeniedException("viewers read the register");
        }
        model.addAttribute("findingForm", FindingForm.of(loaded.finding()));
        return form(id, user, model);
    }

    @PostMapping("/{id}/details")
    String change(
            @PathVariable UUID id,
            @Valid @ModelAttribute("findingForm") FindingForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        FindingAccess.Loaded loaded = access.load(new FindingId(id), user);
        if (!loaded.access().mayWork()) {
            throw new AccessDeniedException("viewers read the register");
        }
        Finding.Details details = details(form, binding);
        CvssVector cvss = cvss(form, binding);
        if (binding.hasErrors() || details == null) {
            return form(id, user, model);
        }
        try {
            handling.change(new FindingId(id), details, cvss, user);
        } catch (Refusal refused) {
            Refusals.reject(binding, refused);
            return form(id, user, model);
        }
        redirect.addFlashAttribute("notice", "finding.changed");
        return "redirect:/findings/" + id;
    }

    private String form(UUID id, CurrentUser user, Model model) {
        model.addAttribute("findingId", id == null ? null : id.toString());
        model.addAttribute("organisations", writable(user));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("efforts", Effort.values());
        return FORM;
    }

    /** The details of a bound form, or null with the field rejected when its planned date does not exist. */
    private static Finding.Details details(FindingForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return null;
        }
        try {
            return form.details();
        } catch (IllegalArgumentException noSuchDate) {
            binding.rejectValue("plannedOn", "finding.validation.date");
            return null;
        } catch (Refusal refused) {
            Refusals.reject(binding, refused);
            return null;
        }
    }

    /** The organisations the person is a member or admin of (not a viewer): where they may write findings. */
    private List<OrganisationProfile> writable(CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> mayWork(user, o))
                .toList();
    }

    private static boolean mayWork(CurrentUser user, OrganisationProfile organisation) {
        return new Access(user.roleIn(organisation.id().value()).orElse(null)).mayWork();
    }

    private Map<UUID, String> names(CurrentUser user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        organisations.memberOf(user).forEach(o -> names.put(o.id().value(), o.name()));
        return names;
    }

    private List<OrganisationMember> owners(CurrentUser user) {
        List<OrganisationMember> owners = new ArrayList<>();
        for (UUID organisation : user.memberships().keySet()) {
            owners.addAll(members.active(organisation));
        }
        return owners;
    }

    /** Dates of the history and retests as people read them, for the template. */
    static final class Days {

        public String of(java.time.LocalDate date) {
            return FindingViews.day(date);
        }
    }

    // CVSS in the forms (ADR 0029)

    /** The form's CVSS vector checked and scored; a wrong one is refused next to its field, keeping what was typed. */
    private static CvssVector cvss(FindingForm form, BindingResult binding) {
        if (binding.hasFieldErrors("cvssVector")) {
            return null;
        }
        try {
            return form.cvss();
        } catch (Refusal refused) {
            Refusals.reject(binding, "cvssVector", refused);
            return null;
        }
    }
}
