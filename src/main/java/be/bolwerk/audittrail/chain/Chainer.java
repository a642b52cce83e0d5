package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed rows from {@code audit_pending} into the chain (ADR 0049): one thread per node, which locks the
 * head once per batch, links the rows in the order of their id, deletes them from the waiting table and moves the
 * head, in one transaction. Nodes take turns on the head lock, and a row deleted by one is not seen by the next.
 *
 * <p>Whoever committed rows asks for a pass and gets a ticket: the number of the first pass that starts after the
 * request, and so after the commit, and therefore sees the rows. {@link #await} returns when that pass is over.
 * Passes also run every few seconds on their own, for rows whose commit was never followed by a pass (a crash, a
 * failed pass, another node that stopped).
 */
@Component
class Chainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Chainer.class);

    /** Rows per transaction: a burst of reports is chained in a few of them, a backlog after a crash in many. */
    static final int BATCH = 500;

    private static final Duration SWEEP = Duration.ofSeconds(5);

    /** How long a caller waits for its pass before going on; its rows then wait for a later pass. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final ChainHasher hasher;

    private final Object monitor = new Object();
    private long requested;
    private long started;
    private long completed;
    private boolean running;
    private Thread worker;

    Chainer(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            PlatformTransactionManager transactionManager,
            ChainHasher hasher) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = new TransactionTemplate(transactionManager);
        // Always a transaction of its own: a pass may run on a caller's thread right after its commit, where the
        // finished transaction's connection is still bound and joining it would never commit (the head stays locked).
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.hasher = hasher;
    }

    /**
     * Asks for a pass after rows were committed and returns its ticket, for {@link #await}. Before the chainer runs
     * (rows written while the application starts) and after it stopped, the pass runs here, on the caller's thread.
     */
    long request() {
        synchronized (monitor) {
            if (running) {
                long ticket = started + 1;
                requested = Math.max(requested, ticket);
                monitor.notifyAll();
                return ticket;
            }
        }
        pass();
        return 0;
    }

    /** Waits until the pass of the ticket is over, its rows chained (or left for a later pass when it failed). */
    void await(long ticket) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (monitor) {
            while (running && completed < ticket) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Audit rows not chained within {}; the next pass will", PATIENCE);
                    return;
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void work() {
        while (true) {
            long ticket;
            synchronized (monitor) {
                if (running && requested <= started) {
                    try {
                        monitor.wait(SWEEP.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (!running) {
                    return;
                }
                ticket = ++started;
            }
            pass();
            synchronized (monitor) {
                completed = ticket;
                monitor.notifyAll();
            }
        }
    }

    /** Chains everything waiting, batch after batch. A failure leaves the rows waiting for the next pass. */
    void pass() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> chainBatch()))) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            // The class only: a connection failure's message can carry host and user names.
            log.warn(
                    "Audit rows could not be chained now, the next pass will try again: {}",
                    e.getClass().getName());
        }
    }

    /** One transaction: returns whether the batch was full. */
    private boolean chainBatch() {
        boolean waiting = jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_pending)")
                .query(Boolean.class)
                .single();
        if (!waiting) {
            return false;
        }
        Head head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        // Read after the lock: rows another node chained while this one waited are gone by now.
        List<Pending> rows = jdbc.sql("""
                        SELECT id, recorded_at, event_type, outcome, actor_id, actor, organisation_id, client_address,
                            details
                        FROM audit_pending ORDER BY id LIMIT :batch
                        """)
                .param("batch", BATCH)
                .query((rs, row) -> new Pending(
                        rs.getLong("id"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        AuditEventType.valueOf(rs.getString("event_type")),
                        rs.getString("outcome"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor"),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("client_address"),
                        rs.getString("details")))
                .list();
        if (rows.isEmpty()) {
            return false;
        }
        Instant previousTime = head.seq() == 0
                ? Instant.EPOCH
                : jdbc.sql("SELECT occurred_at FROM audit_event WHERE seq = :seq")
                        .param("seq", head.seq())
                        .query(OffsetDateTime.class)
                        .optional()
                        .map(OffsetDateTime::toInstant)
                        .orElse(Instant.EPOCH);
        long seq = head.seq();
        String previous = head.hash();
        List<SqlParameterSource> inserts = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Pending row : rows) {
            seq++;
            // The moment of the change, but never before the row it follows: a transaction that appended first
            // and committed last does not put its row back in time (it is off by that transaction's length).
            Instant at = row.recordedAt().isBefore(previousTime) ? previousTime : row.recordedAt();
            String hash = hasher.hash(
                    seq,
                    previous,
                    at,
                    row.type(),
                    row.outcome(),
                    row.actorId(),
                    row.actor(),
                    row.organisationId(),
                    row.address(),
                    row.details());
            inserts.add(new MapSqlParameterSource()
                    .addValue("seq", seq)
                    .addValue("at", at.atOffset(ZoneOffset.UTC))
                    .addValue("type", row.type().name())
                    .addValue("outcome", row.outcome())
                    .addValue("actorId", row.actorId())
                    .addValue("actor", row.actor())
                    .addValue("org", row.organisationId())
                    .addValue("address", row.address())
                    .addValue("details", row.details())
                    .addValue("prev", previous)
                    .addValue("hash", hash));
            ids.add(row.id());
            previous = hash;
            previousTime = at;
        }
        batches.batchUpdate("""
                INSERT INTO audit_event (seq, occurred_at, event_type, outcome, actor_id, actor, organisation_id,
                    client_address, details, previous_hash, hash)
                VALUES (:seq, :at, :type, :outcome, :actorId, :actor, :org, :address, :details, :prev, :hash)
                """, inserts.toArray(SqlParameterSource[]::new));
        jdbc.sql("DELETE FROM audit_pending WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash, mac = :mac WHERE id = 1")
                .param("seq", seq)
                .param("hash", previous)
                .param("mac", hasher.headMac(seq, previous))
                .update();
        return rows.size() == BATCH;
    }

    @Override
    public void start() {
        synchronized (monitor) {
            running = true;
            // The first pass at once: rows a crash left waiting are chained before anything else.
            requested = started + 1;
            worker = new Thread(this::work, "audit-chain");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Stops the thread, then chains what is left on the stopping one. */
    @Override
    public void stop() {
        Thread stopping;
        synchronized (monitor) {
            running = false;
            stopping = worker;
            worker = null;
            monitor.notifyAll();
        }
        if (stopping != null) {
            try {
                stopping.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pass();
    }

    @Override
    public boolean isRunning() {
        synchronized (monitor) {
            return running;
        }
    }

    private record Head(long seq, String hash) {}

    private record Pending(
            long id,
            Instant recordedAt,
            AuditEventType type,
            String outcome,
            UUID actorId,
            String actor,
            UUID organisationId,
            String address,
            String details) {}
}
