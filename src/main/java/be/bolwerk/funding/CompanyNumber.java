package be.bolwerk.funding;

import be.bolwerk.shared.Refusal;
import java.util.Objects;

/**
 * A Belgian enterprise number (KBO/BCE): ten digits, the first 0 or 1, the last two 97 minus the first eight
 * modulo 97. Typed as {@code 0403.170.701}, {@code BE 0403170701} or plain digits; kept as the ten digits.
 */
public record CompanyNumber(String digits) {

    public static final String INVALID = "funding.invoice.companyNumber.invalid";

    public CompanyNumber {
        Objects.requireNonNull(digits, "digits");
        if (!valid(digits)) {
            throw Refusal.invalid(INVALID);
        }
    }

    public static CompanyNumber parse(String typed) {
        if (typed == null) {
            throw Refusal.invalid(INVALID);
        }
        String digits = typed.strip()
                .toUpperCase(java.util.Locale.ROOT)
                .replaceFirst("^BE", "")
                .replaceAll("[\\s.]", "");
        if (digits.length() == 9) {
            // Numbers from before 2005 were nine digits; they became ten with a leading zero.
            digits = "0" + digits;
        }
        return new CompanyNumber(digits);
    }

    static boolean valid(String digits) {
        if (!digits.matches("[01]\\d{9}")) {
            return false;
        }
        long base = Long.parseLong(digits.substring(0, 8));
        int check = Integer.parseInt(digits.substring(8));
        return check == 97 - base % 97;
    }

    /** As printed on invoices: {@code 0403.170.701}. */
    public String formatted() {
        return digits.substring(0, 4) + "." + digits.substring(4, 7) + "." + digits.substring(7);
    }

    @Override
    public String toString() {
        return digits;
    }
}
