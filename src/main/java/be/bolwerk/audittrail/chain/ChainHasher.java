package be.bolwerk.audittrail.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /**
     * What a row says, the same fields for a chained row and a waiting one; the type by its name, so that a waiting
     * row of a type this version does not know can still be checked against its seal.
     */
    record Row(
            Instant at,
            String type,
            String outcome,
            UUID actorId,
            String actor,
            UUID organisationId,
            String clientAddress,
            String details) {

        /** The row's fields from a result set of either table; they share their column names but not the time's. */
        static Row read(ResultSet rs, String timeColumn) throws SQLException {
            return new Row(
                    rs.getObject(timeColumn, OffsetDateTime.class).toInstant(),
                    rs.getString("event_type"),
                    rs.getString("outcome"),
                    rs.getObject("actor_id", UUID.class),
                    rs.getString("actor"),
                    rs.getObject("organisation_id", UUID.class),
                    rs.getString("client_address"),
                    rs.getString("details"));
        }

        Row at(Instant moment) {
            return new Row(moment, type, outcome, actorId, actor, organisationId, clientAddress, details);
        }
    }

    String hash(long seq, String previousHash, Row row) {
        return mac(String.join("\u001F", Long.toString(seq), previousHash, content(row)));
    }

    /**
     * Seals a row while it waits to be chained (ADR 0049), so that the chainer seals only rows written with the key.
     * The "pending" prefix keeps this input apart from a chained row's, whose first field is a number.
     */
    String pendingMac(Row row) {
        return mac(String.join("\u001F", "pending", content(row)));
    }

    /** A type's name needs no escaping; every other text field does. */
    private static String content(Row row) {
        return String.join(
                "\u001F",
                // Microseconds: both databases keep at least that, so the value read back is the value hashed.
                Long.toString(row.at().getEpochSecond()),
                Integer.toString(row.at().getNano() / 1000),
                field(row.type()),
                field(row.outcome()),
                field(Objects.toString(row.actorId(), null)),
                field(row.actor()),
                field(Objects.toString(row.organisationId(), null)),
                field(row.clientAddress()),
                field(row.details()));
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
