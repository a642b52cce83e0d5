package be.bolwerk.framework.web;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.security.CurrentUser;
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
 * The framework library: every signed-in person reads the frameworks (they are programme-wide, not anyone's
 * data); the programme office, toolkit editors and platform admins import new ones, in Bolwerk's own format
 * or as an OSCAL catalog, and watch the import's progress.
 */
@Controller
@RequestMapping("/frameworks")
class FrameworkController {

    private static final String MANAGERS = "hasAnyRole('PROGRAMME_OFFICER', 'TOOLKIT_EDITOR', 'PLATFORM_ADMIN')";

    private final Frameworks frameworks;
    private final FrameworkImports imports;

    FrameworkController(Frameworks frameworks, FrameworkImports imports) {
        this.frameworks = frameworks;
        this.imports = imports;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("frameworks", frameworks.all());
        model.addAttribute("kinds", FrameworkImports.Kind.values());
        return "framework/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Framework framework = frameworks.get(FrameworkVersionId.of(id));
        model.addAttribute("framework", framework);
        model.addAttribute(
                "keyMeasures",
                framework.controls().stream().filter(c -> c.keyMeasure()).count());
        return "framework/detail";
    }

    @GetMapping("/{id}/export.json")
    void export(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        Framework framework = frameworks.get(FrameworkVersionId.of(id));
        be.bolwerk.shared.web.Attachments.prepare(
                response, MediaType.APPLICATION_JSON_VALUE, framework.code() + "-" + framework.version() + ".json");
        frameworks.export(framework.id(), response.getOutputStream());
    }

    @PostMapping("/imports")
    @PreAuthorize(MANAGERS)
    String startImport(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "BOLWERK") String kind,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws IOException {
        FrameworkImports.Kind format;
        try {
            format = FrameworkImports.Kind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            format = null;
        }
        if (file == null || file.isEmpty() || format == null) {
            redirect.addFlashAttribute("problem", "framework.import.noFile");
            return "redirect:/frameworks";
        }
        Path copy = Files.createTempFile("bolwerk-framework-", ".json");
        file.transferTo(copy);
        UUID importId = imports.start(file.getOriginalFilename(), format, copy, user.id());
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
