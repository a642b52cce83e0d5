package be.bolwerk.funding.ledger;

import be.bolwerk.funding.CommitmentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One commitment as the ledger shows it: reserved, then either paid from an invoice or released. Invoice
 * fields are null until it is settled.
 */
public record LedgerEntry(
        CommitmentId id,
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
        LocalDate releasedOn) {}
