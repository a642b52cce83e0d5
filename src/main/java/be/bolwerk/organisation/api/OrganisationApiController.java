package be.bolwerk.organisation.api;

import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to organisations for API clients, scoped exactly like the pages. */
@RestController
@RequestMapping(path = "/api/v1/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisations", description = "Local governments that take part in the programme")
class OrganisationApiController {

    private final OrganisationDirectory directory;

    OrganisationApiController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "List the organisations the caller may see, one page at a time")
    Paged<OrganisationListItem> list(
            @Parameter(description = "Text in the name or NIS code") @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) OrganisationType type,
            @Parameter(description = "name, type, nisCode, inhabitants or staffCount")
                    @RequestParam(defaultValue = "name")
                    String sort,
            @RequestParam(defaultValue = "false") boolean descending,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            @AuthenticationPrincipal CurrentUser user) {
        return directory.search(new OrganisationSearch(q, type, sort, descending, page, size), user);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation; 404 when it does not exist or the caller may not see it")
    OrganisationProfile get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
        return directory.profile(new OrganisationId(id), user);
    }
}
