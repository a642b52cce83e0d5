package be.bolwerk.funding;

/** Someone downloaded the ledger of a line as a workbook. */
public record BudgetLedgerExported(BudgetLineId line, int rows) {}
