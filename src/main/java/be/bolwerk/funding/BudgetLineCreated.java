package be.bolwerk.funding;

import java.math.BigDecimal;

/** A programme officer opened a budget line with this credit. */
public record BudgetLineCreated(BudgetLineId id, String name, int year, BigDecimal credit) {}
