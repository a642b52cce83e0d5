package be.bolwerk.incident.web;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.intake.IncidentList;
import be.bolwerk.incident.intake.IncidentProperties;
import be.bolwerk.incident.obligation.OpenObligations;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list of incidents (for the CRT: its live queue) and the overview of one incident as it was reported. The
 * list refreshes itself with htmx every 15 seconds and announces what arrived since the last refresh in a polite
 * live region; without JavaScript it is an ordinary page with a refresh link.
 */
@Controller
@RequestMapping("/incidents")
class IncidentController {

    private final IncidentList list;
    private final IncidentPages pages;
    private final IncidentProperties properties;
    private final OrganisationDirectory organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final OpenObligations obligations;

    IncidentController(
            IncidentList list,
            IncidentPages pages,
            IncidentProperties properties,
            OrganisationDirectory organisations,
            MessageSource messages,
            Clock clock,
            OpenObligations obligations) {
        this.list = list;
        this.pages = pages;
        this.properties = properties;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
        this.obligations = obligations;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CRT_ANALYST', 'ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
    String list(
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String severity,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Long since,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        boolean crt = user.has(Persona.CRT_ANALYST);
        String[] sortParts = sort.split(":", 2);
        IncidentList.Sort column = IncidentList.Sort.of(sortParts[0]);
        if (column == null) {
            column = crt ? IncidentList.Sort.QUEUE : IncidentList.Sort.REPORTED;
        }
        boolean descending = sortParts.length > 1 ? "desc".equals(sortParts[1]) : column == IncidentList.Sort.REPORTED;
        // The queue shows what the CRT still works on unless asked for all; an organisation sees all its incidents.
        boolean openOnly = "open".equals(status) || (crt && status.isEmpty());
        IncidentList.Search search = new IncidentList.Search(
                openOnly,
                parse(IncidentStatus.class, status),
                parse(IncidentSeverity.class, severity),
                parse(IncidentCategory.class, category),
                organisation,
                column,
                descending,
                page);
        Paged<IncidentList.Row> found = list.search(search, user);
        Instant now = clock.instant();
        String base = link(search, status, null, null);
        model.addAttribute("crt", crt);
        model.addAttribute("mayReport", !user.memberships().isEmpty());
        model.addAttribute(
                "organisationNames",
                String.join(
                        ", ",
                        organisations.memberOf(user).stream().map(o -> o.name()).toList()));
        model.addAttribute("search", search);
        model.addAttribute("statusFilter", status);
        model.addAttribute("found", found);
        model.addAttribute(
                "rows",
                IncidentViews.rows(
                        found.items(),
                        obligations.of(
                                found.items().stream().map(IncidentList.Row::id).toList())));
        model.addAttribute(
                "columns",
                IncidentViews.columns(
                        search,
                        key -> messages.getMessage(key, null, locale),
                        sortKey -> link(search, status, sortKey, 0)));
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("severities", IncidentSeverity.values());
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute(
                "filtered",
                !status.isEmpty()
                        || search.severity() != null
                        || search.category() != null
                        || !search.organisation().isEmpty());
        model.addAttribute("refresh", link(search, status, currentSort(search), search.page()));
        model.addAttribute(
                "poll",
                UriComponentsBuilder.fromUriString(link(search, status, currentSort(search), search.page()))
                        .replaceQueryParam("since", now.toEpochMilli())
                        .build()
                        .toUriString());
        model.addAttribute("previous", link(search, status, currentSort(search), search.page() - 1));
        model.addAttribute("next", link(search, status, currentSort(search), search.page() + 1));
        model.addAttribute("arrived", arrived(found.items(), since));
        model.addAttribute("base", base);
        return "incident/list";
    }

    @GetMapping("/{id}")
    String show(
            @PathVariable UUID id,
            @RequestParam(required = false) String reported,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        IncidentPages.Page page = pages.loadWithGuests(new IncidentId(id), user);
        model.addAttribute("head", page.header());
        model.addAttribute("report", IncidentViews.report(page.incident()));
        model.addAttribute("justReported", reported != null);
        model.addAttribute("hotline", properties.hotline());
        model.addAttribute("hotlineLink", properties.hotlineLink());
        return "incident/overview";
    }

    /** The references on this page reported since the last refresh, for the live region; empty on a full load. */
    private static List<String> arrived(List<IncidentList.Row> rows, Long since) {
        if (since == null) {
            return List.of();
        }
        Instant from = Instant.ofEpochMilli(since);
        return rows.stream()
                .filter(r -> !r.reportedAt().isBefore(from))
                .map(r -> r.reference() + " (" + r.organisationName() + ")")
                .toList();
    }

    private static String currentSort(IncidentList.Search search) {
        return search.sort().name().toLowerCase(Locale.ROOT) + (search.descending() ? ":desc" : ":asc");
    }

    /** The list's address with its filters; {@code sort} and {@code page} left out when null. */
    private static String link(IncidentList.Search search, String status, String sort, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/incidents");
        if (!status.isEmpty()) {
            uri.queryParam("status", status);
        }
        if (search.severity() != null) {
            uri.queryParam("severity", search.severity());
        }
        if (search.category() != null) {
            uri.queryParam("category", search.category());
        }
        if (!search.organisation().isEmpty()) {
            uri.queryParam("organisation", search.organisation());
        }
        if (sort != null) {
            uri.queryParam("sort", sort);
        }
        if (page != null && page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
