package be.bolwerk.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** Credit of a line was reserved for an order; {@code organisationId} may be null for programme-wide costs. */
public record CreditCommitted(
        CommitmentId id, BudgetLineId line, UUID organisationId, String reference, BigDecimal amount) {}
