package be.bolwerk.framework.api;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the framework library: programme-wide content that every signed-in caller may read. */
@RestController
@RequestMapping(path = "/api/v1/frameworks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Frameworks", description = "Self-evaluation frameworks: areas, topics and controls")
class FrameworkApiController {

    private final Frameworks frameworks;

    FrameworkApiController(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping
    @Operation(summary = "Every framework version, newest version first within a framework")
    List<FrameworkSummary> list() {
        return frameworks.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One framework version with its whole tree; 404 when it does not exist")
    Framework get(@PathVariable UUID id) {
        return frameworks.get(FrameworkVersionId.of(id));
    }
}
