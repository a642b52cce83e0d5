package be.bolwerk.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A budget line with its figures: credit, open commitments, paid, and what is still available
 * (credit − committed − paid, never negative).
 */
public record BudgetLineSummary(
        BudgetLineId id,
        String name,
        int year,
        BudgetPurpose purpose,
        String owner,
        LocalDate validFrom,
        LocalDate validUntil,
        boolean sharesIncludeVat,
        BigDecimal credit,
        BigDecimal committed,
        BigDecimal paid) {

    public BigDecimal available() {
        return credit.subtract(committed).subtract(paid);
    }
}
