package be.bolwerk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.Quote;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The co-financing of an order worked out by hand: two thirds of a basic audit, half of a supplementary one,
 * on the total or on the amount excluding VAT as the line says, half-even on the programme's share, and the
 * organisations' part split between the partners of a joint order. The parts always add up to the quote.
 */
class CoFinancingArithmeticTests {

    private static Quote quote(String excl, String vat) {
        return new Quote(new BigDecimal(excl), new BigDecimal(vat));
    }

    private static Quote.Parts parts(AuditKind kind, Quote quote, boolean includingVat, boolean joint) {
        Quote.Parts parts = quote.parts(AuditOrder.share(kind), includingVat, joint);
        assertThat(parts.total()).isEqualByComparingTo(quote.total());
        return parts;
    }

    @Test
    void twoThirdsOfAnEvenQuoteIncludingVat() {
        // 7 500,00 + 21 % = 9 075,00; two thirds = 6 050,00 exactly.
        Quote.Parts p = parts(AuditKind.BASIC, quote("7500.00", "1575.00"), true, false);
        assertThat(p.programme()).isEqualByComparingTo("6050.00");
        assertThat(p.organisation()).isEqualByComparingTo("3025.00");
        assertThat(p.partner()).isEqualByComparingTo("0.00");
    }

    @Test
    void twoThirdsOfAnOddCentQuoteRoundsHalfEvenOnce() {
        // 100,01 × 2 / 3 = 66,67333… → 66,67; the organisation pays 33,34.
        Quote.Parts p = parts(AuditKind.BASIC, quote("100.01", "0.00"), true, false);
        assertThat(p.programme()).isEqualByComparingTo("66.67");
        assertThat(p.organisation()).isEqualByComparingTo("33.34");
        // 0,05 × 2 / 3 = 0,0333… → 0,03; 0,04 × 2 / 3 = 0,02666… → 0,03.
        assertThat(parts(AuditKind.BASIC, quote("0.05", "0.00"), true, false).programme())
                .isEqualByComparingTo("0.03");
        assertThat(parts(AuditKind.BASIC, quote("0.04", "0.00"), true, false).programme())
                .isEqualByComparingTo("0.03");
    }

    @Test
    void halfOfASupplementaryAuditRoundsAnExactHalfCentToEven() {
        // Half of 4 200,01 = 2 100,005 → 2 100,00 (the even neighbour); half of 4 200,03 = 2 100,015 → 2 100,02.
        assertThat(parts(AuditKind.SUPPLEMENTARY, quote("4200.01", "0.00"), true, false)
                        .programme())
                .isEqualByComparingTo("2100.00");
        assertThat(parts(AuditKind.SUPPLEMENTARY, quote("4200.03", "0.00"), true, false)
                        .programme())
                .isEqualByComparingTo("2100.02");
    }

    @Test
    void excludingVatTheShareAppliesToTheNetAmountAndTheOrganisationPaysTheVat() {
        // Half of 4 200,00 = 2 100,00; the organisation pays 5 082,00 − 2 100,00 = 2 982,00, VAT included.
        Quote.Parts p = parts(AuditKind.SUPPLEMENTARY, quote("4200.00", "882.00"), false, false);
        assertThat(p.programme()).isEqualByComparingTo("2100.00");
        assertThat(p.organisation()).isEqualByComparingTo("2982.00");
    }

    @Test
    void aJointOrderSplitsTheOrganisationsPartHalfEvenWithThePartner() {
        // 9 075,01 × 2 / 3 = 6 050,0066… → 6 050,01; the organisations pay 3 025,00: 1 512,50 each.
        Quote.Parts p = parts(AuditKind.BASIC, quote("7500.01", "1575.00"), true, true);
        assertThat(p.programme()).isEqualByComparingTo("6050.01");
        assertThat(p.partner()).isEqualByComparingTo("1512.50");
        assertThat(p.organisation()).isEqualByComparingTo("1512.50");
        // 100,03 × 2 / 3 = 66,6866… → 66,69; the organisations 33,34: partner 16,67, the orderer 16,67.
        Quote.Parts odd = parts(AuditKind.BASIC, quote("100.03", "0.00"), true, true);
        assertThat(odd.programme()).isEqualByComparingTo("66.69");
        assertThat(odd.partner()).isEqualByComparingTo("16.67");
        assertThat(odd.organisation()).isEqualByComparingTo("16.67");
        // Half of 10,05 = 5,025 → 5,02; the organisations 5,03: partner 2,515 → 2,52, the orderer 2,51.
        Quote.Parts half = parts(AuditKind.SUPPLEMENTARY, quote("10.05", "0.00"), true, true);
        assertThat(half.programme()).isEqualByComparingTo("5.02");
        assertThat(half.partner()).isEqualByComparingTo("2.52");
        assertThat(half.organisation()).isEqualByComparingTo("2.51");
    }
}
