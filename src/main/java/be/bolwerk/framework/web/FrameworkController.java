package be.bolwerk.framework.web;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The framework library: every signed-in person reads the published and retired frameworks (they are
 * programme-wide, not anyone's data); the programme office, toolkit editors and platform admins import new ones
 * — the format is recognised from the file — watch the import's progress and see the drafts. Only the programme
 * office publishes, retires and deletes: what organisations are asked is its decision. A draft does not exist
 * for anyone else (404).
 */
@Controller
@RequestMapping("/frameworks")
class FrameworkController {

    private static final String MANAGERS = "hasAnyRole('PROGRAMME_OFFICER', 'TOOLKIT_EDITOR', 'PLATFORM_ADMIN')";
    private static final String PROGRAMME_OFFICE = "hasRole('PROGRAMME_OFFICER')";

    private final Frameworks frameworks;
    private final FrameworkImports imports;

    FrameworkController(Frameworks frameworks, FrameworkImports imports) {
        this.frameworks = frameworks;
        this.imports = imports;
    }

    /** Who may see drafts: those who import them. */
    static boolean managesFrameworks(CurrentUser user) {
        return user != null && user.hasAny(Persona.PROGRAMME_OFFICER, Persona.TOOLKIT_EDITOR, Persona.PLATFORM_ADMIN);
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("frameworks", frameworks.library(managesFrameworks(user)));
        model.addAttribute("kinds", FrameworkImports.Kind.values());
        return "framework/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        FrameworkVersionId version = FrameworkVersionId.of(id);
        Framework framework = frameworks.visible(version, managesFrameworks(user));
        FrameworkStatus status = frameworks.status(version).orElseThrow();
        model.addAttribute("framework", framework);
        model.addAttribute("status", status);
        model.addAttribute("decides", user != null && user.has(Persona.PROGRAMME_OFFICER));
        model.addAttribute(
                "keyMeasures",
                framework.controls().stream().filter(c -> c.keyMeasure()).count());
        return "framework/detail";
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(PROGRAMME_OFFICE)
    String publish(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return decide(
                id,
                redirect,
                "framework.lifecycle.published",
                () -> frameworks.publish(FrameworkVersionId.of(id), user.id()));
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize(PROGRAMME_OFFICE)
    String retire(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (!confirmed) {
            Refusals.flash(redirect, Refusal.invalid("framework.lifecycle.confirmRetire"));
            return "redirect:/frameworks/" + id;
        }
        return decide(
                id,
                redirect,
                "framework.lifecycle.retired",
                () -> frameworks.retire(FrameworkVersionId.of(id), user.id()));
    }

    @PostMapping("/{id}/delete")
    @PreAuthorize(PROGRAMME_OFFICE)
    String delete(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (!confirmed) {
            Refusals.flash(redirect, Refusal.invalid("framework.lifecycle.confirmDelete"));
            return "redirect:/frameworks/" + id;
        }
        try {
            frameworks.delete(FrameworkVersionId.of(id), user.id());
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
            return "redirect:/frameworks/" + id;
        }
        redirect.addFlashAttribute("notice", "framework.lifecycle.deleted");
        return "redirect:/frameworks";
    }

    private static String decide(UUID id, RedirectAttributes redirect, String done, Runnable transition) {
        try {
            transition.run();
            redirect.addFlashAttribute("notice", done);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/frameworks/" + id;
    }

    @GetMapping("/{id}/export.json")
    void export(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, HttpServletResponse response)
            throws IOException {
        Framework framework = frameworks.visible(FrameworkVersionId.of(id), managesFrameworks(user));
        be.bolwerk.shared.web.Attachments.prepare(
                response, MediaType.APPLICATION_JSON_VALUE, framework.code() + "-" + framework.version() + ".json");
        frameworks.export(framework.id(), response.getOutputStream());
    }

    @PostMapping("/imports")
    @PreAuthorize(MANAGERS)
    String startImport(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String code,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        // The page recognises the format from the file; a client that names one has it checked against the file.
        FrameworkImports.Kind format = null;
        if (kind != null && !kind.isBlank()) {
            try {
                format = FrameworkImports.Kind.valueOf(kind);
            } catch (IllegalArgumentException unknown) {
                redirect.addFlashAttribute("problem", "framework.import.noFile");
                return "redirect:/frameworks";
            }
        }
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "framework.import.noFile");
            return "redirect:/frameworks";
        }
        String chosenCode = code == null ? null : code.strip();
        if (chosenCode != null && !chosenCode.isEmpty() && !FrameworkImports.validCode(chosenCode)) {
            // The file is not kept: the page says what was wrong with the code, which the reader typed.
            Refusals.flash(redirect, Refusal.invalid("framework.invalid.chosenCode", chosenCode));
            redirect.addFlashAttribute("chosenCode", chosenCode);
            return "redirect:/frameworks";
        }
        Path copy = Files.createTempFile("bolwerk-framework-", ".json");
        file.transferTo(copy);
        UUID importId = imports.start(file.getOriginalFilename(), format, copy, chosenCode, user.id());
        return "redirect:/frameworks/imports/" + importId;
    }

    /** The whole page, or only the progress part when htmx polls it. */
    @GetMapping("/imports/{importId}")
    @PreAuthorize(MANAGERS)
    String importStatus(
            @PathVariable UUID importId,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("job", imports.status(importId).orElseThrow(ImportNotFound::new));
        return htmx != null ? "framework/import :: progress" : "framework/import";
    }

    static final class ImportNotFound extends NotFound {
        ImportNotFound() {
            super("framework import");
        }
    }
}
