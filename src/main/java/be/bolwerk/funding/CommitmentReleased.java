package be.bolwerk.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** An order was cancelled: its reserved credit went back to the line. */
public record CommitmentReleased(CommitmentId id, BudgetLineId line, UUID organisationId, BigDecimal amount) {}
