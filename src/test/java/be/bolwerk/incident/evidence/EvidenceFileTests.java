package be.bolwerk.incident.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An evidence file's hash, name and limits, and the hand-over's required parts. */
class EvidenceFileTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final Actor by = new Actor(UUID.randomUUID(), "Charlotte Respons");
    private final Incident incident = Incident.report(
            UUID.randomUUID(),
            IncidentFixtures.ransomware("Versleuteld", NOW),
            ReportChannel.FORM,
            by,
            UUID.randomUUID(),
            NOW);

    @Test
    void computesTheSha256OfTheContentAsSha256sumPrintsIt() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertThat(EvidenceFile.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        EvidenceFile file = EvidenceFile.upload(
                incident, "C:\\temp\\losgeld.txt", "abc".getBytes(StandardCharsets.US_ASCII), null, " ", by, NOW);
        assertThat(file.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(file.size()).isEqualTo(3);
        assertThat(file.fileName()).isEqualTo("losgeld.txt");
        assertThat(file.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(file.description()).isNull();
    }

    @Test
    void aFileNameIsSafeInAHeaderAndOnADisk() {
        assertThat(EvidenceFile.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceFile.safeName("a\"b\r\nc;.txt")).isEqualTo("a_b__c_.txt");
        assertThat(EvidenceFile.safeName("...")).isEqualTo("bestand");
        assertThat(EvidenceFile.safeName(null)).isEqualTo("bestand");
        assertThat(EvidenceFile.safeName("x".repeat(300) + ".log")).hasSize(200).endsWith(".log");
    }

    @Test
    void refusesAnEmptyOrOversizedFile() {
        assertThatThrownBy(() -> EvidenceFile.upload(incident, "leeg.txt", new byte[0], null, null, by, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EvidenceFile.EMPTY));
        byte[] large = new byte[(int) EvidenceFile.MAX_BYTES + 1];
        assertThatThrownBy(() -> EvidenceFile.upload(incident, "groot.bin", large, null, null, by, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(EvidenceFile.TOO_LARGE));
    }

    @Test
    void aHandOverSaysToWhomAndWhy() {
        EvidenceFile file = EvidenceFile.upload(incident, "log.txt", new byte[] {1}, Tlp.RED, "Log", by, NOW);
        Custody custody = Custody.handedOver(file, "Federale gerechtelijke politie", "Klacht PV 123", by, NOW);
        assertThat(custody.action()).isEqualTo(CustodyAction.HANDED_OVER);
        assertThat(custody.handedTo()).isEqualTo("Federale gerechtelijke politie");
        assertThatThrownBy(() -> Custody.handedOver(file, " ", "Klacht", by, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Custody.TO_REQUIRED));
        assertThatThrownBy(() -> Custody.handedOver(file, "Politie", "", by, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Custody.REASON_REQUIRED));
    }
}
