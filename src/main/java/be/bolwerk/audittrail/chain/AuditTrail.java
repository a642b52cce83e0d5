package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends rows to the chain. An append joins the caller's transaction, so an audited change and its audit row
 * commit or roll back together, but the row is chained only just before that transaction commits: the head row is
 * locked then, for the few statements that write the transaction's rows and the commit, instead of from the first
 * append to the end of the request's work (ADR 0045). Concurrent appends, on this node or another, still queue up on
 * the locked head instead of forking the chain; they just no longer wait for each other's mails and page work.
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
        Entry entry = new Entry(
                type,
                success,
                truncate(actor.name(), 254),
                actor.id(),
                truncate(actor.clientAddress(), 64),
                organisationId,
                truncate(details, 2000));
        AtCommit atCommit = TransactionSynchronizationManager.isSynchronizationActive() ? atCommit() : null;
        if (atCommit == null) {
            // This transaction's rows are already chained (an append from a later before-commit step), or nothing
            // would call back at commit: chain at once.
            chain(List.of(entry));
        } else {
            atCommit.entries.add(entry);
        }
    }

    /**
     * The rows waiting for this transaction's commit. Kept in the transaction's synchronisation rather than a bound
     * resource: synchronisations are suspended with their transaction, so the rows of an inner {@code REQUIRES_NEW}
     * transaction ({@link #appendAlone}) never mix with the outer one's.
     */
    private AtCommit atCommit() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof AtCommit mine && mine.trail == this) {
                return mine.chained ? null : mine;
            }
        }
        AtCommit atCommit = new AtCommit(this);
        TransactionSynchronizationManager.registerSynchronization(atCommit);
        return atCommit;
    }

    private void chain(List<Entry> entries) {
        Head head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq();
        String previous = head.hash();
        for (Entry entry : entries) {
            seq++;
            String outcome = entry.success() ? "SUCCESS" : "FAILURE";
            String hash = hasher.hash(
                    seq,
                    previous,
                    now,
                    entry.type(),
                    outcome,
                    entry.actorId(),
                    entry.actor(),
                    entry.organisationId(),
                    entry.address(),
                    entry.details());
            jdbc.sql("""
                            INSERT INTO audit_event (seq, occurred_at, event_type, outcome, actor_id, actor,
                                organisation_id, client_address, details, previous_hash, hash)
                            VALUES (:seq, :at, :type, :outcome, :actorId, :actor, :org, :address, :details, :prev, :hash)
                            """)
                    .param("seq", seq)
                    .param("at", now.atOffset(ZoneOffset.UTC))
                    .param("type", entry.type().name())
                    .param("outcome", outcome)
                    .param("actorId", entry.actorId())
                    .param("actor", entry.actor())
                    .param("org", entry.organisationId())
                    .param("address", entry.address())
                    .param("details", entry.details())
                    .param("prev", previous)
                    .param("hash", hash)
                    .update();
            previous = hash;
        }
        jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash, mac = :mac WHERE id = 1")
                .param("seq", seq)
                .param("hash", previous)
                .param("mac", hasher.headMac(seq, previous))
                .update();
    }

    /** Appends in a transaction of its own, for events that happen outside any (a failed sign-in). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void appendAlone(AuditEventType type, boolean success, Actor actor, UUID organisationId, String details) {
        append(type, success, actor, organisationId, details);
    }

    private record Head(long seq, String hash) {}

    /** One row as the caller gave it, already cut to the columns' lengths. */
    private record Entry(
            AuditEventType type,
            boolean success,
            String actor,
            UUID actorId,
            String address,
            UUID organisationId,
            String details) {}

    /**
     * Chains the transaction's rows in its before-commit step: still inside the transaction (a failure to append
     * rolls the change back), and never for a transaction that rolls back, whose rows simply disappear.
     */
    private static final class AtCommit implements TransactionSynchronization {

        private final AuditTrail trail;
        private final List<Entry> entries = new ArrayList<>();
        private boolean chained;

        private AtCommit(AuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            chained = true;
            if (!entries.isEmpty()) {
                trail.chain(entries);
            }
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
