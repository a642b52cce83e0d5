package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 over a row's content, its position and the previous row's HMAC. The content is joined with a
 * separator that cannot occur in it after {@link #field} has escaped it, so two different rows can never
 * produce the same input.
 */
@Component
class ChainHasher {

    static final String GENESIS = "0".repeat(64);

    private final SecretKeySpec key;

    ChainHasher(AuditTrailProperties properties) {
        this.key = new SecretKeySpec(properties.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String hash(
            long seq,
            String previousHash,
            Instant occurredAt,
            AuditEventType type,
            String outcome,
            UUID actorId,
            String actor,
            UUID organisationId,
            String clientAddress,
            String details) {
        return mac(String.join(
                "\u001F",
                Long.toString(seq),
                previousHash,
                content(occurredAt, type.name(), outcome, actorId, actor, organisationId, clientAddress, details)));
    }

    /**
     * Seals a row while it waits to be chained (ADR 0049), so that the chainer seals only rows written with the key.
     * The "pending" prefix keeps this input apart from a chained row's, whose first field is a number.
     */
    String pendingMac(
            Instant recordedAt,
            String type,
            String outcome,
            UUID actorId,
            String actor,
            UUID organisationId,
            String clientAddress,
            String details) {
        return mac(String.join(
                "\u001F",
                "pending",
                content(recordedAt, type, outcome, actorId, actor, organisationId, clientAddress, details)));
    }

    /** What a row says, in the same fields for a chained and a waiting row (a type's name needs no escaping). */
    private static String content(
            Instant at,
            String type,
            String outcome,
            UUID actorId,
            String actor,
            UUID organisationId,
            String clientAddress,
            String details) {
        return String.join(
                "\u001F",
                // Microseconds: both databases keep at least that, so the value read back is the value hashed.
                Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano() / 1000),
                field(type),
                field(outcome),
                field(Objects.toString(actorId, null)),
                field(actor),
                field(Objects.toString(organisationId, null)),
                field(clientAddress),
                field(details));
    }

    /**
     * Seals the head of the chain: without the key nobody can point the head at an older row after cutting off
     * the newest ones. The "head" prefix keeps this input apart from any row's, whose first field is a number.
     */
    String headMac(long seq, String hash) {
        return mac(String.join("\u001F", "head", Long.toString(seq), hash));
    }

    private String mac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Null and empty differ; the separator and the escape character are escaped. */
    private static String field(String value) {
        if (value == null) {
            return "\u0000";
        }
        return value.replace("\\", "\\\\").replace("\u001F", "\\u001F").replace("\u0000", "\\u0000");
    }
}
