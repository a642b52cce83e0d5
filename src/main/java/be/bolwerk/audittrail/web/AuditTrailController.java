package be.bolwerk.audittrail.web;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditLog;
import be.bolwerk.audittrail.chain.AuditSearch;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Checkpoint;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.audittrail.chain.Verification;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit trail for platform admins: search, verification of the chain, export for a SIEM. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class AuditTrailController {

    private final AuditLog log;
    private final AuditTrail trail;
    private final OrganisationDirectory organisations;
    private final AuditRows rows;

    AuditTrailController(AuditLog log, AuditTrail trail, OrganisationDirectory organisations, AuditRows rows) {
        this.log = log;
        this.trail = trail;
        this.organisations = organisations;
        this.rows = rows;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Model model) {
        AuditSearch search = search(actor, type, organisation, from, to, page, user);
        Filter filter = new Filter(actor, type, organisation, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "list",
                rows.view(
                        log.search(search),
                        filter.query(),
                        type,
                        request.getContextPath(),
                        LocaleContextHolder.getLocale()));
        model.addAttribute("badDates", isBadDate(from) || isBadDate(to));
        model.addAttribute("checkpoint", log.checkpoint());
        return "audittrail/list";
    }

    /** An optional checkpoint noted earlier ({@code N:HASH}) also proves the newest rows were not cut off. */
    @PostMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String checkpoint, RedirectAttributes redirect) {
        Checkpoint known = Checkpoint.parse(checkpoint);
        if (!checkpoint.isBlank() && known == null) {
            redirect.addFlashAttribute("badCheckpoint", true);
            return "redirect:/admin/audit";
        }
        Verification verification = log.verifyAndRecord(known);
        redirect.addFlashAttribute("verification", verification);
        return "redirect:/admin/audit";
    }

    @GetMapping("/export.jsonl")
    ResponseEntity<byte[]> export(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @AuthenticationPrincipal CurrentUser user)
            throws java.io.IOException {
        AuditSearch search = search(actor, type, organisation, from, to, 0, user);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
            log.exportJsonLines(search, writer);
        }
        trail.appendAlone(
                AuditEventType.EXPORT,
                true,
                Actors.current(),
                null,
                Details.of("audit.detail.auditTrailExported", actor, type, organisation, from, to));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audittrail.jsonl")
                                .build()
                                .toString())
                .body(body.toByteArray());
    }

    /** What the person typed, to show it again in the filter form and to keep it in the page's links. */
    public record Filter(String actor, String type, String organisation, String from, String to) {

        String query() {
            return "actor=" + encoded(actor) + "&type=" + encoded(type) + "&organisation=" + encoded(organisation)
                    + "&from=" + encoded(from) + "&to=" + encoded(to);
        }

        private static String encoded(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private AuditSearch search(
            String actor, String type, String organisation, String from, String to, int page, CurrentUser user) {
        return new AuditSearch(
                actor, parseType(type), organisationIds(organisation, user), parseDate(from), parseDate(to), page, 0);
    }

    /** Organisation names are matched through the organisation module, at most one page of them. */
    private List<UUID> organisationIds(String text, CurrentUser user) {
        if (text.isBlank()) {
            return null;
        }
        return organisations
                .search(new OrganisationSearch(text, null, "name", false, 0, OrganisationSearch.MAX_SIZE), user)
                .items()
                .stream()
                .map(OrganisationListItem::id)
                .map(id -> id.value())
                .toList();
    }

    private static AuditEventType parseType(String type) {
        try {
            return type.isBlank() ? null : AuditEventType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static LocalDate parseDate(String date) {
        try {
            return date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static boolean isBadDate(String date) {
        return !date.isBlank() && parseDate(date) == null;
    }
}
