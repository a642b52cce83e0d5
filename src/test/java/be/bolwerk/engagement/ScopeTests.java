package be.bolwerk.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.engagement.scope.Consent;
import be.bolwerk.engagement.scope.ConsentKind;
import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.scope.ScopeText;
import be.bolwerk.engagement.scope.Technique;
import be.bolwerk.engagement.work.Engagement;
import be.bolwerk.engagement.work.EngagementState;
import be.bolwerk.engagement.work.Person;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scope as a value: what it accepts and refuses line by line, its one canonical text with a hash worked out by
 * hand ({@code sha256sum} of the text below), and the aggregate's rule that any change voids a signature and that
 * no work happens without one.
 */
class ScopeTests {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Person ISO = new Person(UUID.randomUUID(), "Ilse Appelmans");
    private static final Person SUPERVISOR = new Person(UUID.randomUUID(), "Hanne Hackx");
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    /** The canonical text of {@link #scope()}; its SHA-256 below was computed with sha256sum over these bytes. */
    private static final String TEXT = """
            Bolwerk regels van de opdracht ethisch hacken, versie 1
            Opdracht: 00000000-0000-0000-0000-000000000001
            Organisatie: Gemeente Appelkerke
            Hogeschool: Hogeschool Voorbeeld
            Titel: Externe test
            IP-bereiken:
            - 192.0.2.0/24
            Domeinen:
            - www.appelkerke.be
            Toepassingen:
            - (geen)
            Tijdvensters:
            - 07-12-2026 08:00-17:00
            Uitgesloten systemen:
            - (geen)
            Bronadressen van de testers:
            - 203.0.113.5
            Toegelaten technieken:
            - Poort- en dienstscans
            Niet toegelaten technieken:
            - Kwetsbaarheidsscans
            - Testen van webtoepassingen
            - Wachtwoorden raden aan lage snelheid
            - Uitbuiten van gevonden kwetsbaarheden
            - Denial of service (overbelasting)
            - Social engineering (phishing, telefoon)
            Stopcontacten:
            - Ilse Appelmans; +32 50 12 34 56
            Overdracht van inloggegevens:
            - Geen inloggegevens
            Toestemmingen van derden:
            - (geen)
            """;

    private static final String TEXT_SHA256 = "d13e38a749d36151908ec690ace67b382179e50b7668298d6ce7ccdf32fb8cca";

    private static Scope scope() {
        return Scope.parse(
                "  192.0.2.0/24  \r\n\r\n",
                "WWW.Appelkerke.be",
                "",
                "07-12-2026 08:00 - 17:00",
                null,
                "203.0.113.5",
                EnumSet.of(Technique.PORT_SCANNING),
                "Ilse Appelmans ;  +32 50 12 34 56",
                "Geen inloggegevens",
                List.of());
    }

    @Test
    void sha256IsTheKnownDigest() {
        assertThat(ScopeText.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theCanonicalTextIsExactlyTheDocumentedRenderingAndHashesToTheHandCheckedValue() {
        String text = ScopeText.render(ID, "Gemeente Appelkerke", "Hogeschool Voorbeeld", "Externe test", scope());
        assertThat(text).isEqualTo(TEXT);
        assertThat(ScopeText.sha256(text)).isEqualTo(TEXT_SHA256);
    }

    @Test
    void aConsentIsPartOfTheTextWithTheHashOfItsFile() {
        Scope withConsent = scope().withConsents(List.of(new Consent(
                UUID.randomUUID(), "Cipal Schaubroeck", ConsentKind.ICT_ASSOCIATION, "akkoord.pdf", "ab".repeat(32))));
        String text = ScopeText.render(ID, "Gemeente Appelkerke", "Hogeschool Voorbeeld", "Externe test", withConsent);
        assertThat(text)
                .contains("- Cipal Schaubroeck (intergemeentelijke ICT-vereniging): akkoord.pdf, SHA-256 "
                        + "ab".repeat(32));
        assertThat(ScopeText.sha256(text)).isNotEqualTo(TEXT_SHA256);
    }

    @Test
    void acceptsAddressesRangesAndDomainsAndRefusesTheRest() {
        for (String good : List.of("10.0.0.1", "192.0.2.0/24", "2001:db8::/48", "::1", "0.0.0.0/0")) {
            assertThat(parseIps(good).ipRanges()).containsExactly(good);
        }
        for (String bad : List.of("256.1.1.1", "192.0.2.0/33", "10.0.0", "example.be", "2001:db8::/129", "1.2.3.4/x")) {
            assertThatThrownBy(() -> parseIps(bad))
                    .isInstanceOfSatisfying(
                            Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("engagement.scope.ipRanges"));
        }
        assertThatThrownBy(() -> Scope.parse(
                        "",
                        "not a domain",
                        "",
                        "07-12-2026 08:00-17:00",
                        "",
                        "203.0.113.5",
                        Set.of(),
                        "A; +32 50 12 34 56",
                        "x",
                        List.of()))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("engagement.scope.domains"));
    }

    @Test
    void refusesWindowsContactsAndMissingParts() {
        assertRefused(
                "engagement.scope.timeWindows.order", "192.0.2.1", "07-12-2026 17:00-08:00", "A; +32 50 12 34 56");
        assertRefused("engagement.scope.timeWindows", "192.0.2.1", "31-02-2026 08:00-17:00", "A; +32 50 12 34 56");
        assertRefused("engagement.scope.timeWindows.required", "192.0.2.1", "", "A; +32 50 12 34 56");
        assertRefused("engagement.scope.stopContacts", "192.0.2.1", "07-12-2026 08:00-17:00", "Ilse zonder nummer");
        assertRefused("engagement.scope.stopContacts", "192.0.2.1", "07-12-2026 08:00-17:00", "Ilse; 123");
        assertRefused("engagement.scope.stopContacts.required", "192.0.2.1", "07-12-2026 08:00-17:00", "");
        assertRefused("engagement.scope.ipRanges.noTarget", "", "07-12-2026 08:00-17:00", "A; +32 50 12 34 56");
    }

    @Test
    void denialOfServiceAndSocialEngineeringAreForbiddenUnlessTicked() {
        assertThat(scope().allows(Technique.DENIAL_OF_SERVICE)).isFalse();
        assertThat(scope().allows(Technique.SOCIAL_ENGINEERING)).isFalse();
        Scope ticked = Scope.parse(
                "192.0.2.1",
                "",
                "",
                "07-12-2026 08:00-17:00",
                "",
                "203.0.113.5",
                Scope.techniques(List.of("SOCIAL_ENGINEERING", "NOT_A_TECHNIQUE")),
                "A; +32 50 12 34 56",
                "x",
                List.of());
        assertThat(ticked.techniques()).containsExactly(Technique.SOCIAL_ENGINEERING);
    }

    @Test
    void anyChangeOfTheScopeVoidsTheSignatureAndStopsTheWork() {
        Engagement engagement = signedEngagement();
        assertThat(engagement.signatureValid()).isTrue();
        assertThat(engagement.signature().sha256()).isEqualTo(ScopeText.sha256(engagement.canonicalText()));
        engagement.assign(List.of("Sam"), SUPERVISOR, NOW);
        engagement.start(true, SUPERVISOR, NOW);
        engagement.requireWork();

        // One more stop contact: the text differs, the signature is void, back to waiting for a signature.
        Scope changed = Scope.parse(
                "192.0.2.0/24",
                "www.appelkerke.be",
                "",
                "07-12-2026 08:00-17:00",
                "",
                "203.0.113.5",
                EnumSet.of(Technique.PORT_SCANNING),
                "Ilse Appelmans; +32 50 12 34 56\nMarc; +32 50 65 43 21",
                "Geen inloggegevens",
                List.of());
        engagement.changeScope("Externe test", changed, ISO, NOW);
        assertThat(engagement.signatureValid()).isFalse();
        assertThat(engagement.signature()).isNull();
        assertThat(engagement.state()).isEqualTo(EngagementState.REQUESTED);
        assertRule(engagement::requireWork, "engagement.rule.notSigned");
        assertRule(() -> engagement.assign(List.of("Sam"), SUPERVISOR, NOW), "engagement.rule.notSigned");
        assertRule(() -> engagement.start(true, SUPERVISOR, NOW), "engagement.rule.notSigned");

        // Signed again, it goes back to where the work was: students were assigned.
        engagement.sign(ISO, "198.51.100.7", true, NOW);
        assertThat(engagement.state()).isEqualTo(EngagementState.ASSIGNED);
        assertThat(engagement.signature().clientAddress()).isEqualTo("198.51.100.7");
    }

    @Test
    void aChangeThatLeavesTheTextTheSameIsNoChange() {
        Engagement engagement = signedEngagement();
        assertRule(() -> engagement.changeScope(" Externe test ", scope(), ISO, NOW), "engagement.rule.unchanged");
        assertThat(engagement.signatureValid()).isTrue();
    }

    @Test
    void transitionsRefuseTheWrongState() {
        Engagement engagement = signedEngagement();
        assertRule(() -> engagement.sign(ISO, "x", false, NOW), "engagement.rule.state");
        assertRule(() -> engagement.start(false, SUPERVISOR, NOW), "engagement.rule.state");
        assertRule(() -> engagement.report(0, 0, SUPERVISOR, NOW), "engagement.rule.state");
        assertRule(() -> engagement.close(ISO, NOW, LocalDate.of(2026, 12, 2)), "engagement.rule.state");
        engagement.assign(List.of("Sam"), SUPERVISOR, NOW);
        engagement.start(true, SUPERVISOR, NOW);
        assertRule(() -> engagement.report(1, 0, SUPERVISOR, NOW), "engagement.rule.findingsOpen");
        engagement.stopForCompromise("Vreemde beheeraccount", SUPERVISOR, NOW, LocalDate.of(2026, 12, 2));
        assertThat(engagement.state()).isEqualTo(EngagementState.STOPPED);
        assertThat(engagement.evidenceDeleteOn())
                .isEqualTo(LocalDate.of(2026, 12, 2).plusDays(90));
        assertRule(engagement::requireWork, "engagement.rule.state");
        assertRule(
                () -> engagement.stopForCompromise("nogmaals", SUPERVISOR, NOW, LocalDate.of(2026, 12, 2)),
                "engagement.rule.state");
        assertRule(() -> engagement.changeScope("Andere", scope(), ISO, NOW), "engagement.rule.scopeLocked");
    }

    private static Engagement signedEngagement() {
        Engagement engagement = Engagement.request(
                UUID.randomUUID(), "Gemeente Appelkerke", "Externe test", "Hogeschool Voorbeeld", scope(), ISO, NOW);
        assertRule(engagement::requireWork, "engagement.rule.notSigned");
        engagement.sign(ISO, "203.0.113.9", false, NOW);
        assertThat(engagement.state()).isEqualTo(EngagementState.SIGNED);
        return engagement;
    }

    private static Scope parseIps(String ips) {
        return Scope.parse(
                ips,
                "",
                "",
                "07-12-2026 08:00-17:00",
                "",
                "203.0.113.5",
                Set.of(),
                "A; +32 50 12 34 56",
                "x",
                List.of());
    }

    private static void assertRefused(String key, String ips, String windows, String contacts) {
        assertThatThrownBy(
                        () -> Scope.parse(ips, "", "", windows, "", "203.0.113.5", Set.of(), contacts, "x", List.of()))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }

    private static void assertRule(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }
}
