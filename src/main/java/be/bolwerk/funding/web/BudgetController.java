package be.bolwerk.funding.web;

import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.Money;
import be.bolwerk.funding.ledger.BudgetLines;
import be.bolwerk.funding.ledger.LedgerEntry;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme office's budget: the lines of a year, opening and adjusting one, a line's figures with its chart
 * and ledger, and the ledger as a workbook. Money is the programme office's business only.
 */
@Controller
@RequestMapping("/budget")
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
class BudgetController {

    private static final String FORM = "funding/form";

    private final BudgetLines lines;
    private final BudgetViews views;
    private final LedgerSpreadsheet spreadsheet;
    private final Clock clock;

    BudgetController(BudgetLines lines, BudgetViews views, LedgerSpreadsheet spreadsheet, Clock clock) {
        this.lines = lines;
        this.views = views;
        this.spreadsheet = spreadsheet;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        model.addAttribute("lines", views.lines(lines.lines(year), locale));
        model.addAttribute("years", lines.years());
        model.addAttribute("year", year);
        return "funding/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute(
                "budgetLineForm",
                BudgetLineForm.proposal(BelgianTime.today(clock).getYear()));
        return form(model, null);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("budgetLineForm") BudgetLineForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("year")
                && (form.year() == null || form.year().isBlank())) {
            binding.rejectValue("year", "validation.required");
        }
        if (form.purpose() == null) {
            binding.rejectValue("purpose", "validation.required");
        }
        BudgetLines.Draft draft = draft(form, binding);
        if (binding.hasErrors()) {
            return form(model, null);
        }
        try {
            BudgetLineId id = lines.create(draft, user);
            redirect.addFlashAttribute("notice", "funding.line.created");
            return "redirect:/budget/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        BudgetLineSummary line = lines.line(new BudgetLineId(id));
        List<LedgerEntry> entries = lines.ledger(line.id());
        model.addAttribute("line", views.line(line, locale));
        model.addAttribute("entries", views.entries(entries, locale));
        model.addAttribute("chart", views.chart(line, entries, locale));
        return "funding/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model, Locale locale) {
        BudgetLineSummary line = lines.line(new BudgetLineId(id));
        model.addAttribute("budgetLineForm", BudgetLineForm.of(line));
        return form(model, views.line(line, locale));
    }

    @PostMapping("/{id}")
    String adjust(
            @PathVariable UUID id,
            @Valid @ModelAttribute("budgetLineForm") BudgetLineForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        BudgetLineSummary line = lines.line(new BudgetLineId(id));
        BudgetLines.Draft draft = draft(form, binding);
        if (binding.hasErrors()) {
            return form(model, views.line(line, locale));
        }
        try {
            lines.adjust(line.id(), draft);
            redirect.addFlashAttribute("notice", "funding.line.adjusted");
            return "redirect:/budget/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(model, views.line(line, locale));
        }
    }

    @GetMapping("/{id}/ledger.xlsx")
    ResponseEntity<byte[]> export(@PathVariable UUID id, Locale locale) throws IOException {
        BudgetLineSummary line = lines.line(new BudgetLineId(id));
        List<LedgerEntry> entries = lines.export(line.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spreadsheet.write(line, entries, locale, out);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("budget-" + line.year() + "-" + id + ".xlsx")
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(LedgerSpreadsheet.CONTENT_TYPE))
                .body(out.toByteArray());
    }

    /** The typed values as a draft, with a field error for each that is no date or amount; null when refused. */
    private static BudgetLines.Draft draft(BudgetLineForm form, BindingResult binding) {
        LocalDate from = BudgetLineForm.date(form.validFrom());
        LocalDate until = BudgetLineForm.date(form.validUntil());
        BigDecimal credit = Money.parse(form.credit());
        if (!binding.hasFieldErrors("validFrom") && from == null) {
            binding.rejectValue("validFrom", "funding.date.format");
        }
        if (!binding.hasFieldErrors("validUntil") && until == null) {
            binding.rejectValue("validUntil", "funding.date.format");
        }
        if (!binding.hasFieldErrors("credit") && credit == null) {
            binding.rejectValue("credit", "funding.line.credit.invalid");
        }
        if (binding.hasErrors()) {
            return null;
        }
        int year = form.year() == null || form.year().isBlank()
                ? from.getYear()
                : Integer.parseInt(form.year().strip());
        BudgetPurpose purpose = form.purpose() == null ? BudgetPurpose.OTHER : form.purpose();
        return new BudgetLines.Draft(
                form.name(),
                year,
                purpose,
                form.owner(),
                from,
                until,
                Boolean.TRUE.equals(form.sharesIncludeVat()),
                credit);
    }

    private String form(Model model, BudgetViews.LineView existing) {
        model.addAttribute("purposes", BudgetPurpose.values());
        model.addAttribute("existing", existing);
        return FORM;
    }

    private static void reject(BindingResult binding, Refusal refused) {
        if (refused.is(BudgetLines.PERIOD_INVALID)) {
            Refusals.reject(binding, "validUntil", refused);
        } else if (refused.is(BudgetLines.YEAR_INVALID)) {
            Refusals.reject(binding, "year", refused);
        } else if (refused.is(BudgetLines.NAME_TAKEN)) {
            Refusals.reject(binding, "name", refused);
        } else if (refused.is(BudgetLines.CREDIT_BELOW_USED) || refused.is(BudgetLines.CREDIT_INVALID)) {
            Refusals.reject(binding, "credit", refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }
}
