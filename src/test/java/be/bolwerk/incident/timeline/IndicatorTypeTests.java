package be.bolwerk.incident.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each type of indicator takes what it should, normalised, and refuses the rest with its own sentence. */
class IndicatorTypeTests {

    @ParameterizedTest
    @CsvSource({
        "IPV4, 192.0.2.10, 192.0.2.10",
        "IPV4, ' 198.51.100.0/24 ', 198.51.100.0/24",
        "IPV6, 2001:DB8::1, 2001:db8::1",
        "IPV6, ::ffff:192.0.2.1, ::ffff:192.0.2.1",
        "IPV6, 2001:db8::/32, 2001:db8::/32",
        "DOMAIN, Slecht-Voorbeeld.BE, slecht-voorbeeld.be",
        "DOMAIN, xn--bcher-kva.example., xn--bcher-kva.example",
        "URL, https://slecht.example/Pad?q=1, https://slecht.example/Pad?q=1",
        "SHA256, BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD,"
                + " ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "EMAIL, Afzender@Slecht.Example, Afzender@slecht.example",
        "OTHER, mutex Global\\x1, mutex Global\\x1"
    })
    void takesAndNormalisesAValidValue(IndicatorType type, String typed, String stored) {
        assertThat(type.normalise(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({
        "IPV4, 256.1.1.1",
        "IPV4, 192.0.2",
        "IPV4, 192.0.2.1/33",
        "IPV4, 01.2.3.4",
        "IPV4, slecht.example",
        "IPV6, 192.0.2.1",
        "IPV6, 2001:db8::g",
        "IPV6, 1:2:3:4:5:6:7:8:9",
        "IPV6, '.:1'",
        "DOMAIN, http://slecht.example",
        "DOMAIN, localhost",
        "DOMAIN, -slecht.example",
        "DOMAIN, slecht.123",
        "URL, slecht.example/pad",
        "URL, javascript:alert(1)",
        "URL, file:///etc/passwd",
        "SHA256, abc",
        "SHA256, zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "EMAIL, geen-apenstaartje.example",
        "EMAIL, naam@localhost"
    })
    void refusesAnInvalidValueWithTheSentenceOfItsType(IndicatorType type, String typed) {
        assertThatThrownBy(() -> type.normalise(typed))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.messageKey()).isEqualTo("incident.indicator.invalid." + type.name()));
    }

    @Test
    void refusesAnEmptyValueForEveryType() {
        for (IndicatorType type : IndicatorType.values()) {
            assertThatThrownBy(() -> type.normalise("  "))
                    .isInstanceOfSatisfying(
                            Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(IndicatorType.REQUIRED));
        }
    }

    @Test
    void theExportLeavesRedOutAndSaysSoAndDefusesFormulas() {
        Indicator amber = indicator(IndicatorType.IPV4, "192.0.2.10", Tlp.AMBER, "C2, gezien om 03:00");
        Indicator other = indicator(IndicatorType.OTHER, "=HYPERLINK(\"x\")", Tlp.GREEN, null);

        String csv = Indicators.csv(List.of(amber, other), 2);

        assertThat(csv.split("\r\n"))
                .containsExactly(
                        "# 2 indicator(en) met TLP:RED weggelaten / left out (TLP:RED)",
                        "type,value,tlp,note,added",
                        "IPV4,192.0.2.10,TLP:AMBER,\"C2, gezien om 03:00\",2026-12-03 11:00",
                        "OTHER,\"'=HYPERLINK(\"\"x\"\")\",TLP:GREEN,,2026-12-03 11:00");
        assertThat(Indicators.csv(List.of(amber), 0)).startsWith("type,value");
    }

    private static Indicator indicator(IndicatorType type, String value, Tlp tlp, String note) {
        return new Indicator(
                UUID.randomUUID(),
                new IncidentId(UUID.randomUUID()),
                UUID.randomUUID(),
                type,
                value,
                tlp,
                note,
                Instant.parse("2026-12-03T10:00:00Z"),
                new Actor(UUID.randomUUID(), "Charlotte"));
    }
}
