package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends rows to the chain. The head row is locked for the length of the transaction, so concurrent appends
 * — on this node or another — queue up instead of forking the chain. Appends join the caller's transaction:
 * an audited change and its audit row commit or roll back together.
 *
 * <p>The one store of {@code audit_event} and {@code audit_chain_head} (ADR 0002): a JdbcClient store because the
 * chain is append-only and each append is conditional on the head it locked; rows are never saved whole or
 * updated.
 */
@Component
public class AuditTrail {

    /** Who and where, captured by the caller while the request is still at hand. */
    public record Actor(UUID id, String name, String clientAddress) {

        public static final Actor SYSTEM = new Actor(null, "system", null);
    }

    private final JdbcClient jdbc;
    private final ChainHasher hasher;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, ChainHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void append(AuditEventType type, boolean success, Actor actor, UUID organisationId, String details) {
        Head head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        long seq = head.seq() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String outcome = success ? "SUCCESS" : "FAILURE";
        String safeDetails = truncate(details, 2000);
        String name = truncate(actor.name(), 254);
        String address = truncate(actor.clientAddress(), 64);
        String hash = hasher.hash(
                seq, head.hash(), now, type, outcome, actor.id(), name, organisationId, address, safeDetails);
        jdbc.sql("""
                        INSERT INTO audit_event (seq, occurred_at, event_type, outcome, actor_id, actor,
                            organisation_id, client_address, details, previous_hash, hash)
                        VALUES (:seq, :at, :type, :outcome, :actorId, :actor, :org, :address, :details, :prev, :hash)
                        """)
                .param("seq", seq)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("type", type.name())
                .param("outcome", outcome)
                .param("actorId", actor.id())
                .param("actor", name)
                .param("org", organisationId)
                .param("address", address)
                .param("details", safeDetails)
                .param("prev", head.hash())
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash, mac = :mac WHERE id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .param("mac", hasher.headMac(seq, hash))
                .update();
    }

    /** Appends in a transaction of its own, for events that happen outside any (a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendAlone(AuditEventType type, boolean success, Actor actor, UUID organisationId, String details) {
        append(type, success, actor, organisationId, details);
    }

    private record Head(long seq, String hash) {}

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
