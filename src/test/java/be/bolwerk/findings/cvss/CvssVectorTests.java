package be.bolwerk.findings.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.findings.Severity;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors and scores from the specifications' own examples; every refusal names its rule. */
class CvssVectorTests {

    /** FIRST, "CVSS v3.1 Examples" (the scored vulnerabilities of the specification's example document). */
    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1, MEDIUM", // CVE-2013-1937 phpMyAdmin reflected XSS
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N, 6.4, MEDIUM", // CVE-2013-0375 MySQL stored SQL injection
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N, 3.1, LOW", // CVE-2014-3566 SSLv3 POODLE
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H, 9.9, CRITICAL", // CVE-2012-1516 VMware guest to host escape
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N, 7.5, HIGH", // CVE-2014-0160 Heartbleed
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL", // CVE-2014-6271 Shellshock
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N, 6.8, MEDIUM", // CVE-2008-1447 DNS Kaminsky
        "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 6.8, MEDIUM", // CVE-2014-2005 Sophos login screen bypass
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N, 5.8, MEDIUM", // CVE-2010-0467 Joomla directory traversal
        "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H, 9.3, CRITICAL", // CVE-2013-6014 Juniper proxy ARP DoS
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N, 5.4, MEDIUM", // CVE-2014-9253 DokuWiki reflected XSS
        "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H, 7.8, HIGH", // CVE-2009-0658 Adobe Acrobat buffer overflow
        "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 8.8, HIGH", // CVE-2011-1265 Windows Bluetooth RCE
        "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N, 4.6, MEDIUM", // CVE-2014-2019 iOS security control bypass
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N, 7.4, HIGH", // CVE-2014-0224 OpenSSL CCS injection
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N, 6.8, MEDIUM", // CVE-2016-0128 Badlock
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8, CRITICAL" // the same Shellshock vector in 3.0
    })
    void scoresTheVersionThreeExamples(String vector, BigDecimal score, Severity severity) {
        CvssVector parsed = CvssVector.parse(vector);

        assertThat(parsed.version())
                .isEqualTo(vector.startsWith("CVSS:3.0") ? CvssVector.Version.V3_0 : CvssVector.Version.V3_1);
        assertThat(parsed.score()).isEqualByComparingTo(score);
        assertThat(parsed.severity()).isEqualTo(severity);
    }

    /**
     * CVSS 4.0: the FIRST CVSS SIG's calculator validation set (repository FIRSTdotorg/cvss-resources,
     * {@code vectorFiles/reference-scores}), with threat and environmental metrics, and the base vectors of the
     * specification's nomenclature (all high, no subsequent impact: 9.3; no impact at all: 0.0).
     */
    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N, 9.3, CRITICAL",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N, 0.0, INFORMATIONAL",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A/CR:H/IR:H/AR:H/MSI:S/MSA:S, 10.0, CRITICAL",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:H/IR:H/AR:H/MSI:S/MSA:S, 9.5, CRITICAL",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H, 7.2, HIGH",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:M/IR:M/AR:M, 6.8, MEDIUM",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:M/IR:M/AR:M, 5.3, MEDIUM",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H, 6.9, MEDIUM",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:H/VA:H/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H, 5.0, MEDIUM",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:L/VA:H/SC:L/SI:L/SA:L/E:U/CR:M/IR:H/AR:M, 4.8, MEDIUM",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:H/SC:L/SI:L/SA:L/E:U/CR:M/IR:H/AR:M, 3.0, LOW",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H, 2.7, LOW",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U/CR:H/IR:H/AR:H, 1.7, LOW",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:P/CR:H/IR:H/AR:H, 2.9, LOW",
        "CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U/CR:H/IR:H/AR:H/MSI:S/MSA:S, 7.6, HIGH",
        "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P/CR:M/IR:M/AR:M, 6.3, MEDIUM",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L/E:P/CR:H/IR:H/AR:H, 8.9, HIGH",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/CR:H/IR:H/AR:H, 9.3, CRITICAL"
    })
    void scoresTheVersionFourReferenceVectors(String vector, BigDecimal score, Severity severity) {
        CvssVector parsed = CvssVector.parse(vector);

        assertThat(parsed.version()).isEqualTo(CvssVector.Version.V4_0);
        assertThat(parsed.score()).isEqualByComparingTo(score);
        assertThat(parsed.severity()).isEqualTo(severity);
    }

    @Test
    void keepsTheVectorAsGivenWithoutSurroundingSpace() {
        CvssVector parsed = CvssVector.parse("  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H \n");

        assertThat(parsed.text()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    }

    /** The qualitative rating of 3.1 section 5 and 4.0 section 6, at each boundary; None is informational. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0.0, INFORMATIONAL",
        "0.1, LOW",
        "3.9, LOW",
        "4.0, MEDIUM",
        "6.9, MEDIUM",
        "7.0, HIGH",
        "8.9, HIGH",
        "9.0, CRITICAL",
        "10.0, CRITICAL"
    })
    void ratesScoresAsTheSpecificationsDo(BigDecimal score, Severity severity) {
        assertThat(CvssVector.severityOf(score)).isEqualTo(severity);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesNoVector(String vector) {
        assertRefused(vector, "findings.cvss.empty");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AV:N/AC:L/Au:N/C:P/I:P/A:P", // CVSS 2, which has no prefix
                "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
                "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
            })
    void refusesOtherVersions(String vector) {
        assertRefused(vector, "findings.cvss.version");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", // no availability
                "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", // X is no base value
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/FOO:X", // no such metric
                "CVSS:3.1/AV=N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
                "CVSS:3.1",
                "CVSS:4.0/AV:N/AC:L", // base metrics missing
                "CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" // a 3.1 vector under the 4.0 prefix
            })
    void refusesMalformedVectors(String vector) {
        assertRefused(vector, "findings.cvss.invalid");
    }

    /** The library keeps the last of two values; a vector that says two things is refused instead. */
    @Test
    void refusesAMetricGivenTwice() {
        assertThatThrownBy(() -> CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L"))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("findings.cvss.duplicate");
                    assertThat(refusal.arguments()).containsExactly("A");
                });
    }

    @Test
    void refusesAnOverlongVector() {
        assertRefused("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" + "/E:X".repeat(100), "findings.cvss.tooLong");
    }

    private static void assertRefused(String vector, String key) {
        assertThatThrownBy(() -> CvssVector.parse(vector)).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.messageKey()).isEqualTo(key);
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        });
    }
}
