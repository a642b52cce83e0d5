package be.bolwerk.funding;

import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Euros with cents: the one check and the one way of showing an amount, so no page formats money its own way. */
public final class Money {

    private Money() {}

    /** The amount with exactly two decimals; refused when it is missing, negative or has fractions of a cent. */
    public static BigDecimal cents(BigDecimal amount, String refusalKey) {
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw Refusal.invalid(refusalKey);
        }
        if (amount.compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw Refusal.invalid(refusalKey);
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** As a Belgian reads it: {@code € 1.250.000,00}. */
    public static String euro(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(new Locale("nl", "BE")));
        return "€ " + format.format(amount);
    }

    /**
     * What a person typed: digits with a decimal comma or point and optional thousands dots or spaces
     * ({@code 1.250.000,00}, {@code 1250000.5}); null when it is no amount.
     */
    public static BigDecimal parse(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip().replace("€", "").replaceAll("[\\s\u00a0]", "");
        if (!text.matches("\\d{1,3}(\\.\\d{3})*(,\\d{1,2})?|\\d+([.,]\\d{1,2})?")) {
            return null;
        }
        if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        } else if (text.matches("\\d{1,3}(\\.\\d{3})+")) {
            text = text.replace(".", "");
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }
}
