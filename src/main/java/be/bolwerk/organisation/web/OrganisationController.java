package be.bolwerk.organisation.web;

import be.bolwerk.organisation.Nis2Scope;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationManagement;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation pages: list with search, filter, sorting and paging; detail; registration and editing. */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

    private static final String FORM = "organisation/form";

    private final OrganisationDirectory directory;
    private final OrganisationManagement management;
    private final OrganisationSpreadsheet spreadsheet;
    private final Clock clock;
    private final MessageSource messages;

    OrganisationController(
            OrganisationDirectory directory,
            OrganisationManagement management,
            OrganisationSpreadsheet spreadsheet,
            Clock clock,
            MessageSource messages) {
        this.directory = directory;
        this.management = management;
        this.spreadsheet = spreadsheet;
        this.clock = clock;
        this.messages = messages;
    }

    @ModelAttribute("nis2Scopes")
    Nis2Scope[] nis2Scopes() {
        return Nis2Scope.values();
    }

    @ModelAttribute("types")
    OrganisationType[] types() {
        return OrganisationType.values();
    }

    /** Serves the whole page, or only the result table when htmx asks for it while the person types. */
    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        OrganisationSearch search =
                new OrganisationSearch(q, parseType(type), sort, "desc".equalsIgnoreCase(dir), page, size);
        model.addAttribute("search", search);
        model.addAttribute(
                "list",
                OrganisationListView.of(
                        search, directory.search(search, user), request.getContextPath(), messages, locale));
        // A history restore (back button) replaces the whole body, so it needs the whole page.
        return htmx != null && historyRestore == null ? "organisation/list :: results" : "organisation/list";
    }

    /** The same selection as the list, every page of it, as a workbook to hand to a council or board. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale)
            throws IOException {
        OrganisationSearch search = new OrganisationSearch(
                q, parseType(type), sort, "desc".equalsIgnoreCase(dir), 0, OrganisationSearch.DEFAULT_SIZE);
        // Built in memory (bounded by the export limit) so a failure still yields a proper error page.
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        List<OrganisationListItem> rows = directory.export(search, user);
        spreadsheet.write(rows, locale, workbook);
        String filename = "organisaties-" + LocalDate.now(clock) + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(OrganisationSpreadsheet.CONTENT_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(workbook.toByteArray());
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("organisation", directory.profile(new OrganisationId(id), user));
        return "organisation/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String registrationForm(Model model) {
        model.addAttribute("organisationForm", OrganisationForm.empty());
        return FORM;
    }

    @PostMapping
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String register(
            @Valid @ModelAttribute("organisationForm") OrganisationForm form,
            BindingResult binding,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return FORM;
        }
        try {
            OrganisationId id = management.register(form.details());
            redirect.addFlashAttribute("notice", "organisation.registered");
            return "redirect:/organisations/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return FORM;
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String editForm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        OrganisationProfile profile = directory.profile(new OrganisationId(id), user);
        model.addAttribute("organisation", profile);
        model.addAttribute("organisationForm", OrganisationForm.of(profile));
        return FORM;
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("organisationForm") OrganisationForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        OrganisationId organisationId = new OrganisationId(id);
        model.addAttribute("organisation", directory.profile(organisationId, user));
        if (binding.hasErrors()) {
            return FORM;
        }
        try {
            management.update(organisationId, form.details(), form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("notice", "organisation.updated");
            return "redirect:/organisations/" + organisationId;
        } catch (Refusal refused) {
            reject(binding, refused);
            return FORM;
        }
    }

    /** A clash goes next to the field that clashes; any other refusal (a stale edit) above the form. */
    private static void reject(BindingResult binding, Refusal refused) {
        if (refused.is(OrganisationManagement.DUPLICATE_NAME)) {
            Refusals.reject(binding, "name", refused);
        } else if (refused.is(OrganisationManagement.DUPLICATE_NIS_CODE)) {
            Refusals.reject(binding, "nisCode", refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }

    private static OrganisationType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return OrganisationType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
