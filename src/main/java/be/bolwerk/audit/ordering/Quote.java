package be.bolwerk.audit.ordering;

import be.bolwerk.funding.Money;
import be.bolwerk.funding.Share;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The audit firm's quote: the amount excluding VAT and the VAT, in cents. The programme's share applies to the
 * total or, when the budget line says so, to the amount excluding VAT (ADR 0023); the organisations pay the
 * rest of the total. A joint order splits the organisations' part in two: the partner's half rounded half-even,
 * the ordering organisation pays what is left, so the three parts always add up to the total.
 */
public record Quote(BigDecimal excludingVat, BigDecimal vat) {

    public static final String INVALID = "auditOrder.quote.invalid";

    public Quote {
        excludingVat = Money.cents(excludingVat, INVALID);
        vat = Money.cents(vat, INVALID);
        if (excludingVat.signum() <= 0) {
            throw Refusal.invalid(INVALID);
        }
    }

    public BigDecimal total() {
        return excludingVat.add(vat);
    }

    /** The three parts of this quote: programme, ordering organisation, partner (zero without one). */
    public Parts parts(Share share, boolean sharesIncludeVat, boolean joint) {
        BigDecimal programme =
                share.of(sharesIncludeVat ? total() : excludingVat).programme();
        return Parts.of(total(), programme, joint);
    }

    /** What each pays; {@code programme + organisation + partner} is the total. */
    public record Parts(BigDecimal programme, BigDecimal organisation, BigDecimal partner) {

        /** The organisations pay the total minus the programme's part, split in two for a joint order. */
        static Parts of(BigDecimal total, BigDecimal programme, boolean joint) {
            BigDecimal organisations = total.subtract(programme);
            BigDecimal partner = joint
                    ? organisations.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN)
                    : BigDecimal.ZERO.setScale(2);
            return new Parts(programme, organisations.subtract(partner), partner);
        }

        public BigDecimal total() {
            return programme.add(organisation).add(partner);
        }
    }
}
