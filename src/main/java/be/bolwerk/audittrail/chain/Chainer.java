package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>Whoever committed rows asks for a pass and gets the pass that starts next: it starts after the request, so after
 * the commit, and therefore sees the rows. {@link #await} returns when that pass is over; only the callers of that
 * pass wake up. Passes also run every few seconds on their own, for rows whose commit was never followed by a pass (a
 * crash, a failed pass, another node that stopped).
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
    private final Clock clock;

    private final Object monitor = new Object();
    /** The pass that starts next; replaced when it starts. */
    private CompletableFuture<Void> next = new CompletableFuture<>();
    /** Whether someone asked for the next pass (otherwise it is a sweep). */
    private boolean asked;

    private boolean running;
    private Thread worker;

    /** The position and time of the last row this node chained, so that a pass need not read it back. */
    private final AtomicReference<Last> last = new AtomicReference<>(new Last(-1, Instant.EPOCH));

    Chainer(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            PlatformTransactionManager transactionManager,
            ChainHasher hasher,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = new TransactionTemplate(transactionManager);
        // Always a transaction of its own: a pass may run on a caller's thread right after its commit, where the
        // finished transaction's connection is still bound and joining it would never commit (the head stays locked).
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Asks for a pass after rows were committed and returns it, for {@link #await}. Before the chainer starts and
     * after it stopped there is none to wait for: the rows wait for the first pass of the next start.
     */
    CompletableFuture<Void> request() {
        synchronized (monitor) {
            if (running) {
                asked = true;
                monitor.notifyAll();
                return next;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Waits until the pass is over: its rows chained, or left for a later pass when it failed. */
    void await(CompletableFuture<Void> pass) {
        try {
            pass.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Audit rows not chained within {}; a later pass will", PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // never completed exceptionally: a failed pass is logged and completes normally
        }
    }

    private void work() {
        while (true) {
            CompletableFuture<Void> current;
            boolean sweep;
            synchronized (monitor) {
                if (running && !asked) {
                    try {
                        monitor.wait(SWEEP.toMillis());
                    } catch (InterruptedException e) {
                        // Nothing interrupts this thread on purpose: stop() only notifies. Go on while running.
                    }
                }
                if (!running || worker != Thread.currentThread()) {
                    // Stopped, or a worker that outlived stop()'s wait and was replaced by a new start.
                    return;
                }
                sweep = !asked;
                asked = false;
                current = next;
                next = new CompletableFuture<>();
            }
            try {
                pass(sweep);
            } catch (Throwable e) {
                // Never let the one worker die: its callers would each wait the full patience from now on.
                log.error(
                        "Audit chain pass failed unexpectedly: {}", e.getClass().getName());
            } finally {
                current.complete(null);
            }
        }
    }

    /** Chains everything waiting, batch after batch. A failure leaves the rows waiting for the next pass. */
    void pass() {
        pass(true);
    }

    /** {@code look}: first see whether anything waits at all, before locking the head (a sweep, mostly idle). */
    private void pass(boolean look) {
        try {
            boolean full = true;
            while (full) {
                Chained chained = transactions.execute(status -> chainBatch(look));
                full = chained.rows() == BATCH;
                if (chained.rows() > 0) {
                    last.set(new Last(chained.seq(), chained.at()));
                }
            }
        } catch (RuntimeException e) {
            // The class only: a connection failure's message can carry host and user names.
            log.warn(
                    "Audit rows could not be chained now, the next pass will try again: {}",
                    e.getClass().getName());
        }
    }

    /** One transaction: the rows it chained and where the chain ends now. */
    private Chained chainBatch(boolean look) {
        if (look
                && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_pending)")
                        .query(Boolean.class)
                        .single()) {
            return Chained.NONE;
        }
        Head head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        // Read after the lock: rows another node chained while this one waited are gone by now.
        List<Pending> rows = jdbc.sql("""
                        SELECT id, recorded_at, event_type, outcome, actor_id, actor, organisation_id, client_address,
                            details, mac
                        FROM audit_pending ORDER BY id LIMIT :batch
                        """)
                .param("batch", BATCH)
                .query((rs, row) ->
                        sealed(rs.getLong("id"), ChainHasher.Row.read(rs, "recorded_at"), rs.getString("mac")))
                .list();
        if (rows.isEmpty()) {
            return Chained.NONE;
        }
        Last known = last.get();
        Instant previousTime = head.seq() == 0
                ? Instant.EPOCH
                : known.seq() == head.seq()
                        ? known.at()
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
            Instant recorded = row.content().at();
            Instant at = recorded.isBefore(previousTime) ? previousTime : recorded;
            ChainHasher.Row content = row.content().at(at);
            String hash = hasher.hash(seq, previous, content);
            inserts.add(new MapSqlParameterSource()
                    .addValue("seq", seq)
                    .addValue("at", at.atOffset(ZoneOffset.UTC))
                    .addValue("type", content.type())
                    .addValue("outcome", content.outcome())
                    .addValue("actorId", content.actorId())
                    .addValue("actor", content.actor())
                    .addValue("org", content.organisationId())
                    .addValue("address", content.clientAddress())
                    .addValue("details", content.details())
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
        return new Chained(rows.size(), seq, previousTime);
    }

    @Override
    public void start() {
        synchronized (monitor) {
            running = true;
            // The first pass at once: rows a crash left waiting are chained before anything else.
            asked = true;
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
            // Not interrupted: an interrupt during a file write closes H2's file channel.
            try {
                stopping.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pass(true);
        CompletableFuture<Void> unstarted;
        synchronized (monitor) {
            unstarted = next;
            next = new CompletableFuture<>();
        }
        unstarted.complete(null);
    }

    /**
     * Before the web server starts and after it stopped (its phases are just below the default): the requests it
     * drains at shutdown still have a chainer to wait for.
     */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        synchronized (monitor) {
            return running;
        }
    }

    /**
     * The row as written with the key, or in its place a refusal: a row whose seal does not match was written by
     * someone without the key (or edited while it waited) and is never sealed into the chain. The refusal names its
     * kind, actor and moment, which are what an investigator needs, and is itself a chained row.
     */
    private Pending sealed(long id, ChainHasher.Row row, String mac) {
        boolean known =
                Arrays.stream(AuditEventType.values()).anyMatch(t -> t.name().equals(row.type()));
        if (known && hasher.pendingMac(row).equals(mac)) {
            return new Pending(id, row);
        }
        log.warn("A waiting audit row failed its seal and was refused (id {})", id);
        String refused = "A waiting audit row failed its seal and was not chained: kind %s, actor %s, written at %s"
                .formatted(row.type(), row.actor(), row.at());
        // The chainer's own time: the row's is the forger's and could push every later row's time forward.
        return new Pending(
                id,
                new ChainHasher.Row(
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        AuditEventType.AUDIT_ROW_REFUSED.name(),
                        "FAILURE",
                        null,
                        "system",
                        row.organisationId(),
                        null,
                        refused.length() <= 2000 ? refused : refused.substring(0, 2000)));
    }

    private record Head(long seq, String hash) {}

    private record Last(long seq, Instant at) {}

    private record Chained(int rows, long seq, Instant at) {

        static final Chained NONE = new Chained(0, 0, Instant.EPOCH);
    }

    /** A waiting row's id and what it says, or in its place the refusal that is chained instead. */
    private record Pending(long id, ChainHasher.Row content) {}
}
