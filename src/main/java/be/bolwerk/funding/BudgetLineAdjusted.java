package be.bolwerk.funding;

import java.math.BigDecimal;

/** A programme officer changed a budget line; the credit before and after, equal when only other fields changed. */
public record BudgetLineAdjusted(BudgetLineId id, String name, BigDecimal creditBefore, BigDecimal creditAfter) {}
