package be.bolwerk.audittrail.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seals' input is a stored contract: chains written by an earlier version must still verify after an upgrade. The
 * expected values were computed outside Java (Python's hmac over the documented field layout), so a change to the
 * layout, the escaping or the order of fields fails here rather than in production's next verification.
 */
class ChainHasherTests {

    private static final String KEY = "known-answer-test-key-not-a-secret-0123456789";

    private final ChainHasher hasher = new ChainHasher(new AuditTrailProperties(KEY));

    /** Every kind of field at once: a null, escapes for the backslash and the separator, microseconds. */
    private static final ChainHasher.Row ROW = new ChainHasher.Row(
            Instant.parse("2025-12-04T10:00:00.123456Z"),
            "EXPORT",
            "SUCCESS",
            UUID.fromString("0b6f4a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"),
            "Ilse Appelmans",
            null,
            "203.0.113.5",
            "a\\b\u001Fc");

    @Test
    void aChainedRowsSealIsTheKnownAnswer() {
        assertThat(hasher.hash(1, ChainHasher.GENESIS, ROW))
                .isEqualTo("16cdf5a80c19096b77581684eaf37c4bb21bc088ad01433746f6befc9fef0294");
    }

    @Test
    void aWaitingRowsSealIsTheKnownAnswerAndDiffersFromTheChainedOne() {
        assertThat(hasher.pendingMac(ROW))
                .isEqualTo("6373904e5497ffc75ea4a087137ba477caece6b12386a9f28383fa92a26d3937");
    }

    @Test
    void nullAndEmptyAndAMovedSeparatorSealDifferently() {
        ChainHasher.Row empty = new ChainHasher.Row(
                ROW.at(), "EXPORT", "SUCCESS", ROW.actorId(), "Ilse Appelmans", null, "", "a\\b\u001Fc");
        ChainHasher.Row shifted = new ChainHasher.Row(
                ROW.at(), "EXPORT", "SUCCESS", ROW.actorId(), "Ilse Appelmans", null, "203.0.113.5\u001Fa\\b", "c");
        String sealed = hasher.pendingMac(ROW);
        assertThat(hasher.pendingMac(new ChainHasher.Row(
                        ROW.at(), "EXPORT", "SUCCESS", ROW.actorId(), "Ilse Appelmans", null, null, ROW.details())))
                .isNotEqualTo(hasher.pendingMac(empty));
        assertThat(hasher.pendingMac(shifted)).isNotEqualTo(sealed);
        assertThat(hasher.pendingMac(ROW.at(ROW.at().plusNanos(1000)))).isNotEqualTo(sealed);
    }
}
