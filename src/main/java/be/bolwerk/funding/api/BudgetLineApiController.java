package be.bolwerk.funding.api;

import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.ledger.BudgetLines;
import be.bolwerk.funding.ledger.CommitmentStatus;
import be.bolwerk.funding.ledger.LedgerEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budget lines and their ledgers, read-only, for the programme office: the same figures as the budget pages.
 * Amounts are decimal numbers in euros with two decimals.
 */
@RestController
@RequestMapping(path = "/api/v1/budget-lines", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
@Tag(name = "Budget lines", description = "The programme's credit per year and purpose, and its ledger")
class BudgetLineApiController {

    private final BudgetLines lines;

    BudgetLineApiController(BudgetLines lines) {
        this.lines = lines;
    }

    /** A line with its figures; {@code available} is credit minus committed minus paid. */
    record BudgetLine(
            UUID id,
            String name,
            int year,
            BudgetPurpose purpose,
            String owner,
            LocalDate validFrom,
            LocalDate validUntil,
            boolean sharesIncludeVat,
            BigDecimal credit,
            BigDecimal committed,
            BigDecimal paid,
            BigDecimal available) {

        static BudgetLine of(BudgetLineSummary line) {
            return new BudgetLine(
                    line.id().value(),
                    line.name(),
                    line.year(),
                    line.purpose(),
                    line.owner(),
                    line.validFrom(),
                    line.validUntil(),
                    line.sharesIncludeVat(),
                    line.credit(),
                    line.committed(),
                    line.paid(),
                    line.available());
        }
    }

    /** One commitment; the invoice fields are null until it is settled. */
    record Entry(
            UUID id,
            String reference,
            UUID organisationId,
            BigDecimal amount,
            boolean capped,
            CommitmentStatus status,
            LocalDate committedOn,
            String invoiceNumber,
            LocalDate invoiceDate,
            String supplierCompanyNumber,
            BigDecimal amountExcludingVat,
            BigDecimal vat,
            BigDecimal invoiceTotal,
            BigDecimal programmeShare,
            BigDecimal organisationShare,
            LocalDate paidOn,
            LocalDate releasedOn) {

        static Entry of(LedgerEntry e) {
            return new Entry(
                    e.id().value(),
                    e.reference(),
                    e.organisationId(),
                    e.amount(),
                    e.capped(),
                    e.status(),
                    e.committedOn(),
                    e.invoiceNumber(),
                    e.invoiceDate(),
                    e.supplierCompanyNumber(),
                    e.amountExcludingVat(),
                    e.vat(),
                    e.invoiceTotal(),
                    e.programmeShare(),
                    e.organisationShare(),
                    e.paidOn(),
                    e.releasedOn());
        }
    }

    @GetMapping
    @Operation(summary = "The budget lines of a year, or of every year; newest year first")
    List<BudgetLine> list(@Parameter(description = "Only this year") @RequestParam(required = false) Integer year) {
        return lines.lines(year).stream().map(BudgetLine::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One budget line with its figures")
    BudgetLine get(@PathVariable UUID id) {
        return BudgetLine.of(lines.line(new BudgetLineId(id)));
    }

    @GetMapping("/{id}/ledger")
    @Operation(summary = "The ledger of a line: its commitments in the order they were made")
    List<Entry> ledger(@PathVariable UUID id) {
        return lines.ledger(new BudgetLineId(id)).stream().map(Entry::of).toList();
    }
}
