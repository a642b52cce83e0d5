package be.bolwerk.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The money rules worked out by hand: the programme's share is the amount times the fraction, rounded half-even
 * to cents, the organisation pays the rest; invoices add up; company numbers pass the mod-97 check.
 */
class FundingArithmeticTests {

    private static BigDecimal euro(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void twoThirdsOfABasicAuditRoundHalfEvenAndTheOrganisationPaysTheRest() {
        // 9 075,00 × 2/3 = 6 050,00 exactly.
        assertThat(Share.TWO_THIRDS.of(euro("9075.00"))).isEqualTo(new Shares(euro("6050.00"), euro("3025.00")));
        // 1 000,00 × 2/3 = 666,666… → 666,67; the organisation pays 333,33.
        assertThat(Share.TWO_THIRDS.of(euro("1000.00"))).isEqualTo(new Shares(euro("666.67"), euro("333.33")));
        // 100,01 × 2/3 = 66,6733… → 66,67; the organisation pays 33,34.
        assertThat(Share.TWO_THIRDS.of(euro("100.01"))).isEqualTo(new Shares(euro("66.67"), euro("33.34")));
        // 0,01 × 2/3 = 0,00666… → 0,01: even one cent is shared without losing it.
        assertThat(Share.TWO_THIRDS.of(euro("0.01"))).isEqualTo(new Shares(euro("0.01"), euro("0.00")));
    }

    @Test
    void halfOfAnOddCentGoesToTheEvenCent() {
        // 100,01 × 1/2 = 50,005 → half-even 50,00 (0 is even); the organisation pays 50,01.
        assertThat(Share.HALF.of(euro("100.01"))).isEqualTo(new Shares(euro("50.00"), euro("50.01")));
        // 100,03 × 1/2 = 50,015 → half-even 50,02 (2 is even); the organisation pays 50,01.
        assertThat(Share.HALF.of(euro("100.03"))).isEqualTo(new Shares(euro("50.02"), euro("50.01")));
        // 5 082,00 × 1/2 = 2 541,00 exactly.
        assertThat(Share.HALF.of(euro("5082.00"))).isEqualTo(new Shares(euro("2541.00"), euro("2541.00")));
    }

    @Test
    void sharesAlwaysAddUpToTheAmount() {
        for (int cents = 1; cents < 5000; cents += 7) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            assertThat(Share.TWO_THIRDS.of(amount).total()).isEqualByComparingTo(amount);
            assertThat(Share.HALF.of(amount).total()).isEqualByComparingTo(amount);
        }
    }

    @Test
    void aShareIsAFractionOfTheWhole() {
        assertThatThrownBy(() -> new Share(3, 2)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> new Share(1, 0)).isInstanceOf(Refusal.class);
    }

    @Test
    void companyNumbersPassTheMod97Check() {
        assertThat(CompanyNumber.parse("0403.170.701").digits()).isEqualTo("0403170701");
        assertThat(CompanyNumber.parse("BE 0812 345 603").formatted()).isEqualTo("0812.345.603");
        assertThat(CompanyNumber.parse("403170701").digits()).isEqualTo("0403170701");
        assertThatThrownBy(() -> CompanyNumber.parse("0403.170.702"))
                .isInstanceOf(Refusal.class)
                .matches(r -> ((Refusal) r).is(CompanyNumber.INVALID));
        assertThatThrownBy(() -> CompanyNumber.parse("2403170701")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> CompanyNumber.parse("04031707")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> CompanyNumber.parse("abc")).isInstanceOf(Refusal.class);
    }

    @Test
    void anInvoiceTotalIsTheAmountPlusVatToTheCent() {
        CompanyNumber supplier = CompanyNumber.parse("0403170701");
        LocalDate day = LocalDate.of(2026, 3, 1);
        Invoice ok = new Invoice(" F-1 ", day, supplier, euro("7500"), euro("1575.00"), euro("9075.0"));
        assertThat(ok.total()).isEqualTo(euro("9075.00"));
        assertThat(ok.number()).isEqualTo("F-1");
        assertThatThrownBy(() -> new Invoice("F-2", day, supplier, euro("7500.00"), euro("1575.00"), euro("9075.01")))
                .isInstanceOf(Refusal.class)
                .matches(r -> ((Refusal) r).is(Invoice.TOTAL_MISMATCH));
        assertThatThrownBy(() -> new Invoice("F-3", day, supplier, euro("7500.001"), euro("0"), euro("7500.001")))
                .matches(r -> ((Refusal) r).is(Invoice.AMOUNT_INVALID));
        assertThatThrownBy(() -> new Invoice("F-4", day, supplier, euro("100.00"), euro("-1.00"), euro("99.00")))
                .matches(r -> ((Refusal) r).is(Invoice.AMOUNT_INVALID));
        assertThatThrownBy(() -> new Invoice(" ", day, supplier, euro("1"), euro("0"), euro("1")))
                .matches(r -> ((Refusal) r).is(Invoice.NUMBER_REQUIRED));
        assertThatThrownBy(() -> new Invoice("F-5", null, supplier, euro("1"), euro("0"), euro("1")))
                .matches(r -> ((Refusal) r).is(Invoice.DATE_REQUIRED));
    }

    @Test
    void amountsAreReadAsABelgianTypesThem() {
        assertThat(Money.parse("1.250.000,00")).isEqualTo(euro("1250000.00"));
        assertThat(Money.parse("€ 1250000,5")).isEqualTo(euro("1250000.50"));
        assertThat(Money.parse("1250000.25")).isEqualTo(euro("1250000.25"));
        assertThat(Money.parse("1.250")).isEqualTo(euro("1250.00"));
        assertThat(Money.parse("12,345")).isNull();
        assertThat(Money.parse("=1+1")).isNull();
        assertThat(Money.euro(euro("1250000.5"))).isEqualTo("€ 1.250.000,50");
    }
}
