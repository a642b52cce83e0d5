package be.bolwerk.findings.imports;

import be.bolwerk.findings.intake.DateOrder;
import be.bolwerk.findings.intake.IntakeLimits;
import be.bolwerk.findings.intake.RowError;
import be.bolwerk.findings.register.Access;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
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
 * The import pages: upload a CSV or SARIF file for one of the person's organisations, see the preview (what is new,
 * what repeats a finding of the register, or every wrong row), confirm it once, and see what an import brought.
 * Members and admins import; viewers see an import's page; the programme office, auditors and students are refused.
 */
@Controller
@RequestMapping("/findings/import")
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
class ImportController {

    private static final String FORM = "findings/import";
    private static final String PREVIEW = "findings/import-preview";

    /** One wrong row as the page lists it: the line, the column or property, and the reason in the reader's words. */
    record ErrorView(int line, String field, String reason) {}

    private final Importing importing;
    private final OrganisationDirectory organisations;
    private final IntakeLimits limits;
    private final MessageSource messages;

    ImportController(
            Importing importing, OrganisationDirectory organisations, IntakeLimits limits, MessageSource messages) {
        this.importing = importing;
        this.organisations = organisations;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<OrganisationProfile> writable = writable(user);
        model.addAttribute("importForm", ImportForm.empty(writable.get(0).id().value()));
        return form(writable, model);
    }

    @PostMapping
    String upload(
            @Valid @ModelAttribute("importForm") ImportForm form,
            BindingResult binding,
            @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model) {
        List<OrganisationProfile> writable = writable(user);
        if (file == null || file.isEmpty()) {
            binding.reject("findings.import.noFile");
        }
        if (binding.hasErrors()) {
            return form(writable, model);
        }
        Importing.Preview preview;
        try (InputStream in = file.getInputStream()) {
            preview = importing.preview(
                    form.organisationId(), form.format(), form.order(), file.getOriginalFilename(), in, user);
        } catch (Refusal refused) {
            Refusals.reject(binding, refused);
            return form(writable, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!preview.valid()) {
            model.addAttribute("rowErrors", errors(preview.errors(), locale));
            model.addAttribute("fileName", file.getOriginalFilename());
            return form(writable, model);
        }
        return "redirect:/findings/import/" + preview.stored().id();
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ImportId importId = new ImportId(id);
        Importing.Preview preview = importing.show(importId, user);
        FindingImport kept = preview.stored();
        model.addAttribute("kept", kept);
        model.addAttribute("preview", preview);
        model.addAttribute("imported", kept.status() == FindingImport.Status.IMPORTED);
        model.addAttribute("mayImport", importing.mayImport(kept.organisationId(), user));
        model.addAttribute(
                "organisation",
                organisations.memberOf(user).stream()
                        .filter(o -> o.id().value().equals(kept.organisationId()))
                        .map(OrganisationProfile::name)
                        .findFirst()
                        .orElse(""));
        if (kept.status() == FindingImport.Status.IMPORTED) {
            model.addAttribute("items", importing.brought(importId, user));
        }
        return PREVIEW;
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            Importing.Outcome outcome = importing.confirm(new ImportId(id), user);
            redirect.addFlashAttribute(
                    "notice", outcome.before() ? "findings.import.importedBefore" : "findings.import.imported");
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/findings/import/" + id;
    }

    private String form(List<OrganisationProfile> writable, Model model) {
        model.addAttribute("organisations", writable);
        model.addAttribute("formats", FindingImport.Format.values());
        model.addAttribute("orders", DateOrder.values());
        model.addAttribute("maxSize", limits.maxFileSize().toMegabytes() + " MB");
        model.addAttribute("maxRows", limits.maxRows());
        return FORM;
    }

    private List<ErrorView> errors(List<RowError> errors, Locale locale) {
        return errors.stream()
                .map(e -> new ErrorView(
                        e.line(),
                        e.field() == null ? "" : e.field(),
                        messages.getMessage(e.messageKey(), e.arguments().toArray(), locale)))
                .toList();
    }

    /** The organisations where the person writes findings; none is 403, like the form of a new finding. */
    private List<OrganisationProfile> writable(CurrentUser user) {
        List<OrganisationProfile> writable = organisations.memberOf(user).stream()
                .filter(o -> new Access(user.roleIn(o.id().value()).orElse(null)).mayWork())
                .toList();
        if (writable.isEmpty()) {
            throw new AccessDeniedException("viewers read the register");
        }
        return writable;
    }
}
