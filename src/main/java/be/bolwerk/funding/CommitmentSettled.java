package be.bolwerk.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** A commitment was paid from an invoice: the programme's share left the line, the organisation pays the rest. */
public record CommitmentSettled(
        CommitmentId id,
        BudgetLineId line,
        UUID organisationId,
        String invoiceNumber,
        BigDecimal programmeShare,
        BigDecimal organisationShare) {}
