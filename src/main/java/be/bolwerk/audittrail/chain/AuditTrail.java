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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends rows to the chain. An append writes its row in the caller's transaction, so an audited change and its audit
 * row commit or roll back together; it does not touch the chain's head. After the commit, the node's {@link Chainer}
 * links the transaction's rows into the chain, together with whatever else committed meanwhile, under the head lock
 * (ADR 0049). The caller waits for that, so that when an audited change has returned its row is in the trail: a
 * request at its very end, without a database connection ({@link ChainedBeforeAnswer}), anything else right after its
 * commit. Concurrent changes, on this node or another, never wait for each other's audit rows, and the head is locked
 * once per batch instead of once per change.
 *
 * <p>The one store of {@code audit_pending}, {@code audit_event} and {@code audit_chain_head} (ADR 0002), with the
 * chainer: JdbcClient because the chain is append-only and each batch is conditional on the head it locked; rows
 * are never saved whole or updated.
 */
@Component
public class AuditTrail {

    /** Who and where, captured by the caller while the request is still at hand. */
    public record Actor(UUID id, String name, String clientAddress) {

        public static final Actor SYSTEM = new Actor(null, "system", null);
    }

    private final JdbcClient jdbc;
    private final Chainer chainer;
    private final ChainHasher hasher;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Chainer chainer, ChainHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.chainer = chainer;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void append(AuditEventType type, boolean success, Actor actor, UUID organisationId, String details) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String outcome = success ? "SUCCESS" : "FAILURE";
        String name = truncate(actor.name(), 254);
        String address = truncate(actor.clientAddress(), 64);
        String text = truncate(details, 2000);
        jdbc.sql("""
                        INSERT INTO audit_pending (recorded_at, event_type, outcome, actor_id, actor, organisation_id,
                            client_address, details, mac)
                        VALUES (:at, :type, :outcome, :actorId, :actor, :org, :address, :details, :mac)
                        """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("type", type.name())
                .param("outcome", outcome)
                .param("actorId", actor.id())
                .param("actor", name)
                .param("org", organisationId)
                .param("address", address)
                .param("details", text)
                .param(
                        "mac",
                        hasher.pendingMac(new ChainHasher.Row(
                                at, type.name(), outcome, actor.id(), name, organisationId, address, text)))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            chainAfterCommit();
        }
        // Without synchronisation (never the case under Spring's transaction managers) the next pass takes the row.
    }

    /**
     * Once per transaction. Kept in the transaction's synchronisations rather than a bound resource: synchronisations
     * are suspended with their transaction, so an inner {@code REQUIRES_NEW} transaction ({@link #appendAlone}) asks
     * for its own pass at its own commit.
     */
    private void chainAfterCommit() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof AfterCommit mine && mine.chainer == chainer) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new AfterCommit(chainer));
    }

    /** Appends in a transaction of its own, for events that happen outside any (a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendAlone(AuditEventType type, boolean success, Actor actor, UUID organisationId, String details) {
        append(type, success, actor, organisationId, details);
    }

    /**
     * Asks for a pass once the transaction committed. A transaction that rolls back takes its rows with it and asks
     * for nothing.
     */
    private record AfterCommit(Chainer chainer) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            ChainedBeforeAnswer.chained(chainer, chainer.request());
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
