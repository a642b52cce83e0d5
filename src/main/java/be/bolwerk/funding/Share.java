package be.bolwerk.funding;

import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The part of a cost the programme pays, as an exact fraction: two thirds cannot be written as a decimal, so
 * the share is numerator over denominator and is divided only once, when it is rounded.
 */
public record Share(int numerator, int denominator) {

    /** Basic audits: the Flemish government pays two thirds. */
    public static final Share TWO_THIRDS = new Share(2, 3);

    /** Supplementary audits: half, within the remaining credit. */
    public static final Share HALF = new Share(1, 2);

    public static final String INVALID = "funding.share.invalid";

    public Share {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw Refusal.invalid(INVALID);
        }
    }

    /**
     * The one rounding rule of the programme: its share is the amount times the fraction, rounded half-even to
     * cents; the organisation pays the rest, so both shares always add up to the amount.
     */
    public Shares of(BigDecimal amount) {
        BigDecimal programme = amount.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_EVEN);
        return new Shares(
                programme, amount.setScale(2, RoundingMode.UNNECESSARY).subtract(programme));
    }
}
