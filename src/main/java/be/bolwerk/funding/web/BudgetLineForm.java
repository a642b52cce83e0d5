package be.bolwerk.funding.web;

import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A budget line as the form sends it. Year, dates and credit are bound as text and checked by pattern, so a bad
 * field gets its own message and the form comes back as typed. The credit is typed as a Belgian writes it
 * ({@code 1.250.000,00}) or with a decimal point. On adjusting, year and purpose are shown, not changed.
 */
record BudgetLineForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String name,

        @Pattern(regexp = "\\s*\\d{4}\\s*", message = "{funding.line.year.invalid}")
        String year,

        BudgetPurpose purpose,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String owner,

        @NotBlank(message = "{validation.required}") @Pattern(regexp = DATE, message = "{funding.date.format}")
        String validFrom,

        @NotBlank(message = "{validation.required}") @Pattern(regexp = DATE, message = "{funding.date.format}")
        String validUntil,

        Boolean sharesIncludeVat,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String credit) {

    static final String DATE = "\\s*\\d{4}-\\d{2}-\\d{2}\\s*";

    /** A new line for this year, with the default that shares apply to amounts including VAT. */
    static BudgetLineForm proposal(int year) {
        return new BudgetLineForm(
                null,
                String.valueOf(year),
                BudgetPurpose.BASIC_AUDITS,
                null,
                LocalDate.of(year, 1, 1).toString(),
                LocalDate.of(year, 12, 31).toString(),
                true,
                null);
    }

    static BudgetLineForm of(BudgetLineSummary line) {
        return new BudgetLineForm(
                line.name(),
                String.valueOf(line.year()),
                line.purpose(),
                line.owner(),
                line.validFrom().toString(),
                line.validUntil().toString(),
                line.sharesIncludeVat(),
                line.credit().toPlainString().replace('.', ','));
    }

    /** The date typed, or null when it is no calendar date. */
    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
