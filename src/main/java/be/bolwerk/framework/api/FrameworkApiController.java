package be.bolwerk.framework.api;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read access to the framework library: programme-wide content that every signed-in caller may read, once
 * published. Drafts exist only for those who import them; for everyone else a draft's id answers 404.
 */
@RestController
@RequestMapping(path = "/api/v1/frameworks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Frameworks", description = "Self-evaluation frameworks: areas, topics and controls")
class FrameworkApiController {

    private final Frameworks frameworks;

    FrameworkApiController(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping
    @Operation(
            summary = "Every framework version, newest version first within a framework, with its status "
                    + "(drafts only for content managers)")
    List<FrameworkSummary> list(@AuthenticationPrincipal CurrentUser user) {
        return frameworks.library(managesFrameworks(user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One framework version with its whole tree; 404 when it does not exist or is a draft")
    Framework get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return frameworks.visible(FrameworkVersionId.of(id), managesFrameworks(user));
    }

    private static boolean managesFrameworks(CurrentUser user) {
        return user != null && user.hasAny(Persona.PROGRAMME_OFFICER, Persona.TOOLKIT_EDITOR, Persona.PLATFORM_ADMIN);
    }
}
