package be.bolwerk.funding;

import be.bolwerk.shared.Refusal;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.validation.BindingResult;

/**
 * A supplier's invoice as a person types it on a page (an audit's completion, an emergency-support payment):
 * amounts and date as text, checked one by one so that each wrong value is refused next to its own field and
 * everything typed is kept. {@link #read} turns it into an {@link Invoice} or records why not.
 */
public record TypedInvoice(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size.max}")
        String number,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "\\s*\\d{4}-\\d{2}-\\d{2}\\s*", message = "{funding.date.format}")
        String date,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.size.max}")
        String supplier,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String excludingVat,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String vat,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String total) {

    public static TypedInvoice empty() {
        return new TypedInvoice(null, null, null, null, null, null);
    }

    /** The invoice typed, or null with a field error in {@code binding} for each value that is not one. */
    public Invoice read(BindingResult binding) {
        if (binding.hasErrors()) {
            return null;
        }
        LocalDate day = day(date);
        BigDecimal excl = Money.parse(excludingVat);
        BigDecimal tax = Money.parse(vat);
        BigDecimal sum = Money.parse(total);
        if (day == null) {
            binding.rejectValue("date", "funding.date.format");
        }
        if (excl == null) {
            binding.rejectValue("excludingVat", Invoice.AMOUNT_INVALID);
        }
        if (tax == null) {
            binding.rejectValue("vat", Invoice.AMOUNT_INVALID);
        }
        if (sum == null) {
            binding.rejectValue("total", Invoice.AMOUNT_INVALID);
        }
        if (binding.hasErrors()) {
            return null;
        }
        try {
            return new Invoice(number, day, CompanyNumber.parse(supplier), excl, tax, sum);
        } catch (Refusal refused) {
            String field = refused.is(CompanyNumber.INVALID)
                    ? "supplier"
                    : refused.is(Invoice.TOTAL_MISMATCH) ? "total" : null;
            if (field == null) {
                binding.reject(refused.messageKey(), refused.arguments(), null);
            } else {
                binding.rejectValue(field, refused.messageKey(), refused.arguments(), null);
            }
            return null;
        }
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
