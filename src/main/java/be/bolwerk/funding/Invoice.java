package be.bolwerk.funding;

import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A supplier's invoice as it settles a commitment. Checked when made: a number, a date, a valid company number,
 * amounts in cents, no negative VAT, and a total that is exactly the amount excluding VAT plus the VAT.
 */
public record Invoice(
        String number,
        LocalDate date,
        CompanyNumber supplier,
        BigDecimal amountExcludingVat,
        BigDecimal vat,
        BigDecimal total) {

    public static final String NUMBER_REQUIRED = "funding.invoice.number.required";
    public static final String DATE_REQUIRED = "funding.invoice.date.required";
    public static final String AMOUNT_INVALID = "funding.invoice.amount.invalid";
    public static final String TOTAL_MISMATCH = "funding.invoice.total.mismatch";

    public Invoice {
        if (number == null || number.isBlank() || number.strip().length() > 60) {
            throw Refusal.invalid(NUMBER_REQUIRED);
        }
        number = number.strip();
        if (date == null) {
            throw Refusal.invalid(DATE_REQUIRED);
        }
        if (supplier == null) {
            throw Refusal.invalid(CompanyNumber.INVALID);
        }
        amountExcludingVat = Money.cents(amountExcludingVat, AMOUNT_INVALID);
        vat = Money.cents(vat, AMOUNT_INVALID);
        total = Money.cents(total, AMOUNT_INVALID);
        if (amountExcludingVat.signum() <= 0) {
            throw Refusal.invalid(AMOUNT_INVALID);
        }
        if (amountExcludingVat.add(vat).compareTo(total) != 0) {
            throw Refusal.invalid(TOTAL_MISMATCH, Money.euro(amountExcludingVat.add(vat)), Money.euro(total));
        }
    }
}
